"""The output records are built without validation (fields set on a blank record) and write a
finding's id and reason only when they are read: both must give what validation gives."""

from __future__ import annotations

import json

from reconcile.compare import reconcile
from reconcile.models.finding import Figure, Finding, Mention, Reconciliation, Topic


def test_the_reconciliation_round_trips_through_validation(gold_claims):
    result = reconcile(gold_claims)
    dumped = result.model_dump_json()
    again = Reconciliation.model_validate_json(dumped)
    assert again == result
    assert again.model_dump_json() == dumped
    assert [finding.why for finding in again.findings] == [finding.why for finding in result.findings]


def test_every_field_of_a_built_record_is_set(gold_claims):
    for finding in reconcile(gold_claims).findings:
        records = [(Finding, finding), (Topic, finding.topic)]
        records += [(Figure, figure) for figure in finding.figures]
        records += [(Mention, mention) for figure in finding.figures for mention in figure.mentions]
        for kind, record in records:
            validated = kind(**json.loads(json.dumps(record.model_dump(mode="json"))))
            assert validated == record


def test_a_reason_is_text_when_read_and_the_same_each_time(gold_claims):
    for finding in reconcile(gold_claims).findings:
        assert isinstance(finding.why, str) and finding.why == finding.why
        assert finding.why and "\n" not in finding.why

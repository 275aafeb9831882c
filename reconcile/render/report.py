"""The report every renderer reads: documents, claims, findings and load errors (the JSON contract)."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.models.claim import Claim
from reconcile.models.document import Document, LoadError
from reconcile.models.finding import DocumentRef, Reconciliation, Report


def document_ref(document: Document) -> DocumentRef:
    return DocumentRef.model_construct(
        id=document.id,
        path=document.path,
        title=document.title,
        published=document.published,
        publisher=document.publisher,
        url=document.url,
    )


def build_report(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    reconciliation: Reconciliation,
    errors: Sequence[LoadError] = (),
) -> Report:
    return Report.model_construct(
        version=Report.model_fields["version"].default,
        documents=[document_ref(document) for document in sorted(documents, key=lambda d: d.id)],
        claims=sorted(claims, key=lambda claim: (claim.doc, claim.span.line, claim.span.start, claim.id)),
        findings=list(reconciliation.findings),
        errors=list(errors),
    )


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2)

"""Category rules compiled once: each frame the category uses and each pattern of its own."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.rulebook import patterns as pat
from reconcile.rulebook.errors import RuleError
from reconcile.rulebook.gate import Gate, GateSet, leads_with, word_start
from reconcile.rulebook.schema import CategoryFile, Example, FlowCue, FramesFile
from reconcile.rulebook.subjects import SubjectVocabulary


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    id: str
    category: str
    regex: regex.Pattern
    units: frozenset[str]
    subject: str | None
    basis: str | None
    priority: int
    complement: bool = False
    needs_trigger: bool = False  # a frame: it cannot match a sentence without a trigger word
    # How to scan cheaply: a pattern that opens with the figure is tried at each figure only;
    # any other runs where its gate (the words it must start with) is open.
    at_figures: bool = False
    gate: Gate = Gate(always_open=True)


@dataclass(frozen=True, slots=True)
class CompiledKind:
    subject: str
    classes: frozenset[str]
    regex: regex.Pattern


@dataclass(frozen=True, slots=True)
class CompiledFlowCue:
    regex: regex.Pattern
    refers_back: bool
    gate: Gate = Gate(always_open=True)


@dataclass(frozen=True)
class CompiledCategory:
    name: str
    description: str
    basis: str
    subjects: tuple[str, ...]
    patterns: tuple[CompiledPattern, ...]
    examples: tuple[Example, ...]
    counter_examples: tuple[Example, ...]
    file: str
    # Any trigger word of the category: a sentence without one skips the category's frames.
    trigger_presence: regex.Pattern | None = None
    kinds: tuple[CompiledKind, ...] = ()
    # Words that make a count of a running total a flow (time.toml's flow_cues, with this
    # category's triggers filled in).
    flow_cues: tuple[CompiledFlowCue, ...] = ()
    # A cheap word test before trigger_presence is run (a sentence it closes has no trigger).
    trigger_gate: Gate = Gate(always_open=True)


def compile_category(
    rules: CategoryFile,
    file: str,
    frames: FramesFile,
    vocabulary: SubjectVocabulary,
    trigger_names: frozenset[str],
    flow_cues: tuple[FlowCue, ...] = (),
) -> CompiledCategory:
    _check_subjects(rules, file, vocabulary)
    blocks = _blocks(rules, frames, vocabulary)
    compiled: list[CompiledPattern] = []
    for name in rules.frames:
        frame = frames.frames.get(name)
        if frame is None:
            index = rules.frames.index(name)
            raise RuleError(file, f"frames[{index}]", f"no frame named {name!r} in frames.toml")
        key = f"frames.{name}.pattern (used by {file})"
        built = _build(frame.pattern, blocks, "frames.toml", key, trigger_names)
        if built is not None:
            compiled.append(
                CompiledPattern(
                    f"{rules.category}/{name}", rules.category, built,
                    frozenset(frame.units), None, None, frame.priority, needs_trigger=True,
                    **_scan_plan(built),
                )
            )
    frame_ids = {f"{rules.category}/{name}": f"frames[{i}]" for i, name in enumerate(rules.frames)}
    for index, rule in enumerate(rules.patterns):
        _check_unique_id(rules, index, frame_ids, file)
        key = f"patterns[{index}].pattern"
        pat.check_syntax(rule.pattern, file, key)
        built = _build(rule.pattern, blocks, file, key, frozenset())
        if rule.subject is not None and rule.subject not in vocabulary.classes:
            raise RuleError(file, f"patterns[{index}].subject", f"unknown subject class {rule.subject!r}")
        compiled.append(
            CompiledPattern(
                f"{rules.category}/{rule.id}", rules.category, built,
                frozenset(rule.units), rule.subject, rule.basis, rule.priority,
                rule.complement, **_scan_plan(built),
            )
        )
    words = [w for trigger_list in rules.triggers.values() for w in trigger_list]
    presence = (
        regex.compile(r"(?<![\w-])" + pat.alternation(words, literal=False) + r"(?![\w-])", pat.FLAGS)
        if words else None
    )
    return CompiledCategory(
        rules.category, rules.description, rules.basis, tuple(rules.subjects), tuple(compiled),
        tuple(rules.examples), tuple(rules.counter_examples), file, presence,
        _kinds(rules, file, blocks, vocabulary), _flow_cues(flow_cues, file, blocks, trigger_names),
        Gate.of(words, word_start=True),
    )


def _check_unique_id(rules, index: int, frame_ids: dict[str, str], file: str) -> None:
    """A pattern's id names it in `explain`, suppressions and the extractor's gates: two patterns
    with one id would be told apart by nothing."""
    full = f"{rules.category}/{rules.patterns[index].id}"
    earlier = [f"patterns[{i}]" for i, rule in enumerate(rules.patterns[:index]) if f"{rules.category}/{rule.id}" == full]
    clash = earlier[0] if earlier else frame_ids.get(full)
    if clash is not None:
        raise RuleError(file, f"patterns[{index}].id", f"id {rules.patterns[index].id!r} is already used by {clash}")


@dataclass(frozen=True, slots=True)
class GatedCategory:
    """A category with the bits of its gates in the rulebook's category GateSet: a pattern runs
    only when every bit of its `pattern_needs` is open (its gate and one per required piece)."""

    category: CompiledCategory
    trigger_bit: int
    pattern_needs: tuple[int, ...]


@dataclass(frozen=True)
class CategoryGates:
    """Every category's trigger gate and pattern gates, asked once per sentence (GateSet)."""

    gates: GateSet
    categories: tuple[GatedCategory, ...]

    @classmethod
    def of(cls, categories) -> CategoryGates:
        categories = tuple(categories)
        # By position, not by id: gates must never depend on ids being unique.
        pieces = [
            [(pattern.gate, *Gate.each_required(pattern.regex.pattern)) for pattern in category.patterns]
            for category in categories
        ]
        gates = GateSet(
            gate for category, own in zip(categories, pieces)
            for gate in (category.trigger_gate, *(g for needed in own for g in needed))
        )
        return cls(gates, tuple(
            GatedCategory(
                category, gates.bit(category.trigger_gate),
                tuple(_or(gates.bit(g) for g in needed) for needed in own),
            )
            for category, own in zip(categories, pieces)
        ))


def _or(bits) -> int:
    total = 0
    for bit in bits:
        total |= bit
    return total


def _kinds(rules: CategoryFile, file: str, blocks: dict[str, str], vocabulary: SubjectVocabulary) -> tuple[CompiledKind, ...]:
    compiled = []
    for index, kind in enumerate(rules.kinds):
        for key, name in [("subject", kind.subject), *((f"classes[{i}]", c) for i, c in enumerate(kind.classes))]:
            if name not in vocabulary.classes:
                raise RuleError(file, f"kinds[{index}].{key}", f"unknown subject class {name!r}")
        key = f"kinds[{index}].pattern"
        pat.check_syntax(kind.pattern, file, key)
        expanded = pat.expand(kind.pattern, blocks, file=file, key_path=key)
        compiled.append(CompiledKind(kind.subject, frozenset(kind.classes), pat.compile_expanded(expanded, kind.pattern, file, key)))
    return tuple(compiled)


def _flow_cues(cues, file: str, blocks: dict[str, str], trigger_names: frozenset[str]) -> tuple[CompiledFlowCue, ...]:
    compiled = []
    for index, cue in enumerate(cues):
        key = f"flow_cues[{index}].pattern (used by {file})"
        try:
            expanded = pat.expand(cue.pattern, blocks, file="time.toml", key_path=key, optional_blocks=trigger_names)
        except pat.MissingBlock:
            continue  # the cue names a trigger list this category does not have
        if expanded.count("(?P<quantity>") > 1:
            raise RuleError("time.toml", key, "a flow cue may name {quantity} once at most", pattern=cue.pattern)
        built = pat.compile_expanded(expanded, cue.pattern, "time.toml", key)
        compiled.append(CompiledFlowCue(built, cue.refers_back, _scan_plan(built)["gate"]))
    return tuple(compiled)


def _scan_plan(built: regex.Pattern) -> dict:
    expanded = built.pattern
    at_figures = leads_with(expanded, pat.QUANTITY_PATTERN)
    return {"at_figures": at_figures, "gate": Gate.narrowest([expanded], word_start=word_start(expanded))}


def _build(
    pattern: str, blocks: dict[str, str], file: str, key: str, optional: frozenset[str]
) -> regex.Pattern | None:
    try:
        expanded = pat.expand(pattern, blocks, file=file, key_path=key, optional_blocks=optional)
    except pat.MissingBlock:
        return None
    if expanded.count("(?P<quantity>") != 1:
        raise RuleError(file, key, "a pattern needs exactly one {quantity}", pattern=pattern)
    return pat.compile_expanded(expanded, pattern, file, key)


def _blocks(rules: CategoryFile, frames: FramesFile, vocabulary: SubjectVocabulary) -> dict[str, str]:
    blocks = dict(frames.fragments)
    blocks["quantity"] = pat.QUANTITY_PATTERN
    blocks["any_quantity"] = pat.ANY_QUANTITY
    blocks["subject"] = vocabulary.block(rules.subjects, capture=True)
    blocks["any_subject"] = vocabulary.block(list(vocabulary.classes), capture=False)
    for name, words in rules.triggers.items():
        blocks[name] = r"(?<![\w-])" + pat.alternation(words, literal=False) + r"(?![\w-])"
    every = [w for words in rules.triggers.values() for w in words]
    blocks.setdefault("any_trigger", r"(?<![\w-])" + pat.alternation(every, literal=False) + r"(?![\w-])")
    return blocks


def _check_subjects(rules: CategoryFile, file: str, vocabulary: SubjectVocabulary) -> None:
    for index, name in enumerate(rules.subjects):
        if name not in vocabulary.classes:
            raise RuleError(file, f"subjects[{index}]", f"unknown subject class {name!r}")
    for list_name, words in rules.triggers.items():
        for index, word in enumerate(words):
            pat.check_syntax(word, file, f"triggers.{list_name}[{index}]")

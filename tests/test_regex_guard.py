"""No regex in newsextract backtracks catastrophically.

The patterns are collected, not listed: every compiled pattern held at module
level by a newsextract module (also inside tuples, lists, dicts and dataclasses,
and in what argument-less cached loaders such as `cleaning._rules()` return),
every pattern held by the pipeline's component objects, and every string in
models/*.json that compiles as a regex and uses regex syntax. Each is run
(`finditer` to the end, and `match`) on 50,000 repeated characters of several
kinds, in a child process with a generous guard: linear patterns take
milliseconds on these inputs, a quadratic or exponential one takes seconds to
forever.
"""
from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import multiprocessing as mp
import pkgutil
import re
import time
from importlib import resources

import pytest

import newsextract

SIZE = 50_000
PER_INPUT_LIMIT = 2.0      # seconds for one pattern on one input; linear ones need a few ms
UNITS = ["a", "A", " ", "\n", "1", ",", ".", "-", "'", '"', "“", "(", "[", "\t", "é", "_", ":", "/", "\u00a0",
         "a ", "A.", "1,", "Aa ", "a\n", ". ", "1 ", '" ', "A-", "\n\n", "Ã", "â€", "A ", "1.", "(a"]
# Patterns only ever applied anchored (`match`) or to a short window, so only the
# single-start run applies to them; every other pattern must also stay linear
# under `finditer` over the whole input. A row names where the pattern lives and how
# it is used; prefixing a leading `\s*`/`\d+` with `(?<!\s)`/`(?<!\d)` makes a
# pattern linear in both modes and its row unnecessary.
ANCHORED_ONLY = {
    "newsextract.text.dates._PREV_WORD_RE": "search() in the 16 characters before a date",
    "newsextract.text.dates._CLOCK_AFTER_RE": "match() right after a date",
    "reader.range_gap": "match() on the text between two number tokens",
    "reader.between_gap": "match() on the text between two number tokens",
    "reader.ratio_gap": "match() on the text between two number tokens",
}


def modes_for(where: str) -> tuple[str, ...]:
    return ("match",) if any(key in where for key in ANCHORED_ONLY) else ("match", "search")


REGEX_SYNTAX = re.compile(r"\\[a-zA-Z\\.]|\(\?|[\[\]{}*+?|^$]")


def adversarial_inputs() -> list[str]:
    inputs = []
    for unit in UNITS:
        body = unit * (SIZE // len(unit))
        inputs.append(body)
        inputs.append(body + "!\u2603")     # a tail that makes a pattern fail at the very end
    return inputs


# ---------------------------------------------------------------- collecting

def _patterns_in(obj, where: str, found: dict, depth: int = 0, seen=None) -> None:
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 4:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        found.setdefault((obj.pattern, obj.flags), where)
    elif isinstance(obj, dict):
        for key, value in list(obj.items())[:5000]:
            _patterns_in(value, f"{where}[{key!r}]", found, depth + 1, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(list(obj)[:5000]):
            _patterns_in(value, f"{where}[{i}]", found, depth + 1, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _patterns_in(getattr(obj, f.name, None), f"{where}.{f.name}", found, depth + 1, seen)
    elif depth > 0 and hasattr(obj, "__dict__") and type(obj).__module__.startswith("newsextract"):
        for name, value in vars(obj).items():
            _patterns_in(value, f"{where}.{name}", found, depth + 1, seen)


def newsextract_modules() -> list:
    modules = []
    for info in pkgutil.walk_packages(newsextract.__path__, "newsextract."):
        if info.name.startswith("newsextract.models") or info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def module_patterns() -> dict:
    found: dict = {}
    for module in newsextract_modules():
        for name, value in list(vars(module).items()):
            if name.startswith("__"):
                continue
            _patterns_in(value, f"{module.__name__}.{name}", found)
            # argument-less cached loaders hold compiled rules (cleaning._rules())
            if callable(value) and hasattr(value, "cache_info") and getattr(value, "__module__", "") == module.__name__:
                try:
                    takes_nothing = not inspect.signature(value).parameters
                except (TypeError, ValueError):
                    takes_nothing = False
                if takes_nothing:
                    _patterns_in(value(), f"{module.__name__}.{name}()", found, depth=1)
    return found


def component_patterns(nlp) -> dict:
    found: dict = {}
    for name, component in nlp.pipeline:
        if type(component).__module__.startswith("newsextract"):
            _patterns_in(component, name, found, depth=1)
    return found


def model_file_patterns() -> dict:
    found: dict = {}

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if not str(key).startswith("_"):
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")
        elif isinstance(node, str) and REGEX_SYNTAX.search(node):
            try:
                re.compile(node)
            except re.error:
                return
            found.setdefault((node, re.I), where)

    for entry in sorted(resources.files("newsextract.models").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            walk(json.loads(entry.read_text("utf-8")), entry.name)
    return found


# ---------------------------------------------------------------- timing, in a child process

INPUTS = adversarial_inputs()   # built before the worker forks, so it is never sent over a pipe


def _time_one(pattern: str, flags: int, index: int, mode: str) -> float:
    compiled, text = re.compile(pattern, flags), INPUTS[index]
    started = time.perf_counter()
    if mode == "match":
        compiled.match(text)
    else:
        for _ in compiled.finditer(text):
            pass
    return time.perf_counter() - started


def slow_patterns(patterns: dict, *, modes=("match", "search"), limit: float = PER_INPUT_LIMIT) -> list[str]:
    """The patterns that take longer than `limit` on one input, with where they come
    from. Each run happens in a worker process that is killed when it overruns."""
    ctx = mp.get_context("fork")
    offenders = []
    pool = ctx.Pool(1)
    try:
        for (pattern, flags), where in patterns.items():
            if isinstance(pattern, bytes):
                continue
            mode_list = modes(where) if callable(modes) else modes
            for mode, index in ((m, i) for m in mode_list for i in range(len(INPUTS))):
                job = pool.apply_async(_time_one, (pattern, flags, index, mode))
                try:
                    took = job.get(timeout=limit)
                except mp.TimeoutError:
                    took = float("inf")
                    pool.terminate()
                    pool = ctx.Pool(1)
                if took > limit:
                    offenders.append(f"{where} ({mode}) over {limit:.0f} s on {INPUTS[index][:4]!r}...: {pattern[:150]!r}")
                    break
    finally:
        pool.terminate()
    return offenders


# ---------------------------------------------------------------- the tests

def test_module_level_patterns_are_linear():
    patterns = module_patterns()
    assert len(patterns) >= 5, "the collector found too few patterns: is it still looking in the right place?"
    assert not slow_patterns(patterns, modes=modes_for)


def test_component_patterns_are_linear(extractor):
    patterns = component_patterns(extractor.nlp)
    assert not slow_patterns(patterns, modes=modes_for)


def test_model_file_patterns_are_linear():
    patterns = model_file_patterns()
    assert any(where.startswith("cleaning.json") for where in patterns.values())
    assert not slow_patterns(patterns, modes=modes_for)


def test_the_guard_catches_a_catastrophic_pattern():
    """The harness itself: a classic nested quantifier is caught, a linear one is not."""
    catastrophic = {(r"^(a+)+$", 0): "example"}
    linear = {(r"\ba[\w ]{0,40}b", re.I): "example"}
    assert slow_patterns(linear) == []
    assert len(slow_patterns(catastrophic)) == 1


@pytest.mark.parametrize("source", ["cleaning", "text.dates"])
def test_the_collector_finds_known_patterns(source):
    where = [w for w in module_patterns().values() if w.startswith(f"newsextract.{source}.")]
    assert where

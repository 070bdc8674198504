#!/usr/bin/env python3
"""Names in anonymous namespaces are unique within each target's sources.

The build compiles each target in unity batches (CMAKE_UNITY_BUILD): several
source files become one translation unit, so two files of one target that
each define, say, `read_settings` in an anonymous namespace of the same
namespace stop compiling as soon as a new file moves them into one batch.
This check finds such pairs before the compiler does, whatever the batches.
It reads top-level definitions (functions, constants, types) between
`namespace {` and `}  // namespace`; overloads (same name, other
parameters) and identical type aliases are allowed by C++ and are reported
only when the rest of the line is the same.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Each target and the folders its sources come from (see core/, web/ and
# tests/ CMakeLists.txt).
TARGETS = {
    "userpool_core": ["core"],
    "userpool_ui": ["web"],
    "core_tests": ["tests/core/base", "tests/core/crypto", "tests/core/tokens"],
    "engine_tests": ["tests/core/harness", "tests/core/model", "tests/core/rules", "tests/core/api", "tests/core/ops",
                     "tests/core/services", "tests/core/http", "tests/core/hosted"],
    "lessons_tests": ["tests/core/lessons"],
    "ui_tests": ["tests/web"],
}

DEFINITION = re.compile(r"^(?:static |inline |constexpr |const |\[\[noreturn\]\] )*[\w:<>,\s\*&]+?[\s\*&]([A-Za-z_]\w*)\s*(\(|=|\{|\[)")
TYPE = re.compile(r"^(?:struct|class|enum class|enum) ([A-Za-z_]\w*)")


def anonymous_names(path):
    """(enclosing namespace, name, signature line) for each top-level definition in an anonymous namespace."""
    found = []
    namespace, anonymous = None, False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            named = re.match(r"^namespace ([\w:]+) \{", line)
            if named:
                namespace = named.group(1)
            if re.match(r"^namespace \{", line):
                anonymous = True
                continue
            if anonymous and re.match(r"^\}  // namespace\s*$", line):
                anonymous = False
                continue
            if not anonymous or line[:1] in (" ", "}", "/", "#", "\t") or line.startswith("using"):
                continue
            m = DEFINITION.match(line)
            if m and m.group(2) == "(":
                # A function: its signature is its parameters (overloads may share a name).
                close = line.find(")", m.end())
                found.append((namespace, m.group(1), "(" + line[m.end():close if close >= 0 else None].strip()))
            elif m or TYPE.match(line):
                found.append((namespace, (m or TYPE.match(line)).group(1), "definition"))
    return found


def main():
    problems = []
    for target, folders in TARGETS.items():
        seen = collections.defaultdict(dict)  # (namespace, name) -> {file: line}
        for folder in folders:
            for root, _, files in os.walk(os.path.join(ROOT, folder)):
                for name in sorted(files):
                    if name.endswith(".cpp"):
                        path = os.path.join(root, name)
                        for namespace, symbol, line in anonymous_names(path):
                            seen[(namespace, symbol)].setdefault(os.path.relpath(path, ROOT), line)
        for (namespace, symbol), where in sorted(seen.items(), key=lambda i: (str(i[0][0]), i[0][1])):
            if len(where) < 2:
                continue
            # Overloads with other parameters can share a unit; the same signature cannot.
            if len(set(where.values())) == len(where) and "definition" not in where.values():
                continue
            problems.append(f"{target}: '{symbol}' (in the anonymous namespace of {namespace or 'the global namespace'}) "
                            f"is defined in {', '.join(sorted(where))}")
    if problems:
        print("Names that break the unity build as soon as these files share a batch; rename one of each, or move a "
              "shared helper into a header:\n  " + "\n  ".join(problems))
        return 1
    print("Every anonymous-namespace name is unique within its target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

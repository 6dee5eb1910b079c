#!/usr/bin/env python3
"""Dependency graph of the modules of src/, from the paths the code names.

Every `crate::…` and `super::…` path (in `use` items, grouped or not, and in
expressions) is resolved to the deepest module file it reaches; each file is
a node. Fails (exit 1) on a cycle between modules, or on a module of a lower
layer naming a module of a higher one (the layers are listed in LAYERS).

    scripts/graphe-modules.py            check; print the cycles and breaches
    scripts/graphe-modules.py --graphe   also print the graph of top modules
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

# Top-level modules by layer, lowest first. A module may name modules of its
# own layer or of a lower one, never of a higher one.
LAYERS = [
    ["text", "dates", "fsutil", "diagnostic", "privacy"],  # leaves
    ["model"],  # the records and the referential
    ["read"],  # YAML tree, typed reader, reunion.yaml, one record
    ["folder"],  # discovering and loading a folder, checks across records
    ["analysis"],  # one module per question the tool answers
    ["report", "incremental", "scaffold", "schema"],  # outputs that pages build on
    ["render"],  # the published pages
    ["preview"],  # the server of `apercu`, live reload, folder watching
    ["cli"],  # arguments → core → report
]


def module_files():
    files = {}
    for root, _dirs, names in os.walk(SRC):
        for name in names:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
            if rel in (["lib"], ["main"]):
                continue
            if rel[-1] == "mod":
                rel = rel[:-1]
            files["::".join(rel)] = path
    return files


def strip(code):
    # paths named inside attribute strings (`#[serde(with = "crate::…")]`)
    # are dependencies too: keep them as plain paths
    code = re.sub(r'"((?:crate|super)(?:::\w+)+)"', r" \1 ", code)
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    code = re.sub(r"//[^\n]*", "", code)
    code = re.sub(r'r#+".*?"#+', '""', code, flags=re.S)
    code = re.sub(r'"(\\.|[^"\\])*"', '""', code, flags=re.S)
    return code


def cut_tests(code):
    """Drops `#[cfg(test)] mod … { … }`: tests may name anything."""
    out = []
    i = 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*(pub\s+)?mod\s+\w+\s*\{", code):
        if m.start() < i:
            continue
        out.append(code[i:m.start()])
        depth = 1
        j = m.end()
        while j < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[j], 0)
            j += 1
        i = j
    out.append(code[i:])
    return "".join(out)


def expand_use(tree):
    """Expands a use tree `a::{b, c::{d, e}}` into paths."""
    tree = tree.strip()
    m = re.match(r"^([\w:]*?)(::)?\{(.*)\}$", tree, flags=re.S)
    if not m:
        return [tree.split(" as ")[0].strip()]
    prefix = m.group(1)
    body = m.group(3)
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        if p.strip():
            for sub in expand_use(p):
                out.append(f"{prefix}::{sub}" if prefix else sub)
    return out


def absolute(module, segs):
    """The path `segs`, as written in `module`, from the crate's root."""
    own = module.split("::")
    if not segs:
        return None
    if segs[0] == "crate":
        return segs[1:]
    if segs[0] == "super":
        base = own[:]
        while segs and segs[0] == "super":
            base = base[:-1]
            segs = segs[1:]
        return base + segs
    if segs[0] == "self":
        return own + segs[1:]
    return None


def paths_named(module, code, children):
    """The paths `module` names, and the names it re-exports from its own
    children (`pub use child::Item;`): a re-export is the child's item
    under the parent's name, not a dependency of the parent."""
    code = cut_tests(strip(code))
    paths, reexports = [], {}
    own = module.split("::")
    for m in re.finditer(r"\b(pub(?:\([\w:]+\))?\s+)?use\s+([^;]+);", code):
        for p in expand_use(m.group(2)):
            segs = [s for s in p.split("::") if s]
            if m.group(1) and segs and segs[0] in children:
                segs = ["self"] + segs
            full = absolute(module, segs)
            if full is None:
                continue
            if m.group(1) and len(full) > len(own) and full[: len(own)] == own:
                name = segs[-1] if segs[-1] != "*" else None
                if name:
                    reexports[name] = full
                continue
            paths.append(full)
    code = re.sub(r"\buse\s+[^;]+;", "", code)
    for p in re.findall(r"(?<![\w:])((?:crate|super|self)(?:::\w+)+)", code):
        full = absolute(module, [s for s in p.split("::") if s])
        if full is not None:
            paths.append(full)
    # a child module named bare (`child::f()`) in expressions
    for child in children:
        for _ in re.finditer(r"(?<![\w:])" + child + r"::\w", code):
            paths.append(own + [child])
            break
    return paths, reexports


def resolve(path, modules, reexports, depth=0):
    for n in range(len(path), 0, -1):
        cand = "::".join(path[:n])
        if cand in modules:
            rest = path[n:]
            if rest and depth < 8 and rest[0] in reexports.get(cand, {}):
                return resolve(reexports[cand][rest[0]] + rest[1:], modules, reexports, depth + 1)
            return cand
    return None


def graph():
    files = module_files()
    named, reexports = {}, {}
    for module, path in files.items():
        prefix = module + "::"
        children = {m[len(prefix):] for m in files if m.startswith(prefix) and "::" not in m[len(prefix):]}
        with open(path, encoding="utf-8") as f:
            code = f.read()
        named[module], reexports[module] = paths_named(module, code, children)
    edges = {m: set() for m in files}
    for module in files:
        for p in named[module]:
            target = resolve(p, files, reexports)
            if target and target != module:
                edges[module].add(target)
    return edges


def cycles(edges):
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return comps


def top(m):
    return m.split("::")[0]


def main():
    edges = graph()
    bad = 0
    for comp in cycles(edges):
        bad += 1
        print("cycle : " + " → ".join(comp))
        for a in comp:
            for b in sorted(edges[a]):
                if b in comp:
                    print(f"    {a} → {b}")
    rank = {}
    for i, layer in enumerate(LAYERS):
        for m in layer:
            rank[m] = i
    for a in sorted(edges):
        for b in sorted(edges[a]):
            ta, tb = top(a), top(b)
            if ta in rank and tb in rank and rank[tb] > rank[ta]:
                bad += 1
                print(f"couche : {a} nomme {b}, d'une couche plus haute")
    if LAYERS:
        for m in sorted({top(m) for m in edges}):
            if m not in rank:
                bad += 1
                print(f"couche : le module {m} n'est dans aucune couche de LAYERS")
    if "--graphe" in sys.argv:
        tops = {}
        for a in edges:
            for b in edges[a]:
                if top(a) != top(b):
                    tops.setdefault(top(a), set()).add(top(b))
        for a in sorted(tops):
            print(f"{a} → {', '.join(sorted(tops[a]))}")
    if bad:
        print(f"{bad} problème(s) de dépendances entre modules")
        return 1
    print(f"{len(edges)} modules, aucun cycle, couches respectées")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Differential test of the Transform Pipeline against RDKit's RunReactants (scripts/compare-rdkit.sh).

Subcommands:
  rdkit RULES SMILES LIMIT OUT   products of every rule on the first LIMIT molecules, as RDKit
                                 makes them: one product per match, its components and the
                                 parent's untouched components in one molecule (--fragments keep),
                                 sanitized, stereo cleaned, canonical SMILES, unique per parent+rule.
                                 OUT lines: parent_index<TAB>rule<TAB>smiles
  ours CHECK_OUTPUT OUT          the products printed by `transforms check`, re-canonicalised with
                                 RDKit; a product RDKit cannot read is kept as '!unreadable <smiles>'.
                                 Also writes OUT.rejects: parent_index<TAB>rule<TAB>reason
  compare SET RDKIT OURS SMILES  per-rule and total figures, and the differences by rule and cause
  expected RULES SMILES OUT      RDKit's products for a small fixture (test-data/rdkit-slice/)

Rule files are tab-separated: SMIRKS, then a probability (a number), a name and a #comment in any
order, as the pipeline's RuleLines reads them; a name used again becomes name_2, name_3, ...
Only RDKit and the standard library are used.
"""
import collections
import re
import sys

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem

RDLogger.DisableLog("rdApp.*")


def read_rules(path):
    rules, uses = [], collections.Counter()
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if cells[0].strip().lower() == "smirks":
            continue
        name = ""
        for cell in cells[1:]:
            cell = cell.strip()
            if not cell or cell.startswith("#") or re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cell):
                continue
            name = name or cell
        uses[name] += 1
        if uses[name] > 1:
            name = "%s_%d" % (name, uses[name])
        rules.append((name, cells[0].strip()))
    return rules


def read_smiles(path, limit):
    out = []
    for line in open(path, encoding="utf-8"):
        fields = line.split()
        if not fields:
            continue
        out.append(fields[0])
        if len(out) == limit:
            break
    return out


def canonical(mol):
    Chem.AssignStereochemistry(mol, cleanIt=True, force=True)
    return Chem.MolToSmiles(mol)


def rdkit_products(mol, rxn):
    """Unique canonical products of one rule on one parent, whole (keep)."""
    fragments = Chem.GetMolFrags(mol)
    fragment_mols = Chem.GetMolFrags(mol, asMols=True, sanitizeFrags=False)
    found = set()
    for tup in rxn.RunReactants((mol,), 100000):
        used = set()
        combined = None
        for product in tup:
            for atom in product.GetAtoms():
                if atom.HasProp("react_atom_idx"):
                    used.add(atom.GetIntProp("react_atom_idx"))
            combined = product if combined is None else Chem.CombineMols(combined, product)
        for atoms, fragment in zip(fragments, fragment_mols):
            if not used.intersection(atoms):
                combined = Chem.CombineMols(combined, fragment)
        try:
            combined = Chem.Mol(combined)
            Chem.SanitizeMol(combined)
            smiles = canonical(combined)
            if Chem.MolFromSmiles(smiles) is None:
                continue
            found.add(smiles)
        except Exception:
            continue
    return found


def cmd_rdkit(rules_path, smiles_path, limit, out_path):
    rules = [(name, AllChem.ReactionFromSmarts(smirks)) for name, smirks in read_rules(rules_path)]
    for _, rxn in rules:
        rxn.Initialize()
    with open(out_path, "w", encoding="utf-8") as out:
        for index, smiles in enumerate(read_smiles(smiles_path, int(limit)), start=1):
            mol = Chem.MolFromSmiles(smiles)
            if mol is None:
                out.write("%d\t!parent\t%s\n" % (index, smiles))
                continue
            for name, rxn in rules:
                for product in sorted(rdkit_products(mol, rxn)):
                    out.write("%d\t%s\t%s\n" % (index, name, product))


PARENT = re.compile(r"^(\d+)  (\S+)  (\S+)$")
PRODUCT = re.compile(r"^    (.+?)\s+site \d+\s+(?:fragment \d+\s+)?(\S+)$")
REJECT = re.compile(r"^    product rejected: (.*) \((.+)\)$")


def cmd_ours(check_output, out_path):
    parent = 0
    with open(out_path, "w", encoding="utf-8") as out, open(out_path + ".rejects", "w", encoding="utf-8") as rej:
        for line in open(check_output, encoding="utf-8"):
            line = line.rstrip("\n")
            m = PARENT.match(line)
            if m:
                parent = int(m.group(1))
                continue
            m = REJECT.match(line)
            if m:
                rej.write("%d\t%s\t%s\n" % (parent, m.group(2), m.group(1)))
                continue
            m = PRODUCT.match(line)
            if m:
                mol = Chem.MolFromSmiles(m.group(2))
                key = "!unreadable " + m.group(2) if mol is None else canonical(mol)
                out.write("%d\t%s\t%s\n" % (parent, m.group(1).strip(), key))


def read_products(path):
    table = collections.defaultdict(set)
    for line in open(path, encoding="utf-8"):
        parent, rule, smiles = line.rstrip("\n").split("\t", 2)
        table[(int(parent), rule)].add(smiles)
    return table


def radicals(smiles):
    mol = Chem.MolFromSmiles(smiles)
    return 0 if mol is None else sum(a.GetNumRadicalElectrons() for a in mol.GetAtoms())


AROMATIC_EXOCYCLIC = Chem.MolFromSmarts("[a;R]=[O,S,N]")


def cause(parent_smiles, product, side, rejects, rdkit_radical_missing):
    """A first explanation of one difference; the listing shows an example of each for a person."""
    parent_radicals = radicals(parent_smiles)
    if side == "missing" and radicals(product) > parent_radicals:
        return ("RDKit's product has a radical the parent had not (RunReactants keeps a bracket"
                " atom's H count or a template's); we recompute H or reject it")
    if side == "extra" and rdkit_radical_missing:
        return "our H-recomputed form of RDKit's radical product (see missing)"
    if side == "missing" and rejects:
        return "we rejected it: " + re.sub(r" at \d+$", "", sorted(rejects)[0])
    mol = Chem.MolFromSmiles(parent_smiles)
    if mol is not None and mol.HasSubstructMatch(AROMATIC_EXOCYCLIC):
        return "aromaticity model (a ring with an exocyclic =O/=S/=N that RDKit calls aromatic)"
    return "other (check by hand)"


def cmd_compare(name, rdkit_path, ours_path, smiles_path):
    theirs = read_products(rdkit_path)
    ours = read_products(ours_path)
    rejects = collections.defaultdict(set)
    for line in open(ours_path + ".rejects", encoding="utf-8"):
        parent, rule, reason = line.rstrip("\n").split("\t", 2)
        rejects[(int(parent), rule)].add(reason)
    parents = read_smiles(smiles_path, 10**9)
    unreadable_parents = {p for (p, r) in theirs if r == "!parent"}
    # per rule: RDKit unique, found, extras, RDKit products with a new radical
    per_rule = collections.defaultdict(lambda: [0, 0, 0, 0])
    differences = collections.defaultdict(collections.Counter)
    examples = {}
    unreadable = []
    for key in sorted(set(theirs) | set(ours)):
        parent, rule = key
        if rule == "!parent":
            continue
        mine = ours.get(key, set())
        unreadable += [s for s in mine if s.startswith("!unreadable")]
        if parent in unreadable_parents:
            differences[rule]["extra: the parent is one RDKit cannot read"] += len(mine)
            examples.setdefault((rule, "extra: the parent is one RDKit cannot read"), (parents[parent - 1], sorted(mine)[0]))
            continue
        want = theirs.get(key, set())
        parent_radicals = radicals(parents[parent - 1])
        broken = {s for s in want if radicals(s) > parent_radicals}
        counts = per_rule[rule]
        counts[0] += len(want)
        counts[1] += len(want & mine)
        counts[2] += len(mine - want)
        counts[3] += len(broken - mine)
        for side, products in (("missing", want - mine), ("extra", mine - want)):
            for product in sorted(products):
                why = side + ": " + cause(parents[parent - 1], product, side, rejects.get(key), bool(broken - mine))
                differences[rule][why] += 1
                examples.setdefault((rule, why), (parents[parent - 1], product))
    t = [sum(c[i] for c in per_rule.values()) for i in range(4)]
    print("== %s: %d rules; RDKit unique products %d; found %.2f%%; extras %.2f%%; products RDKit cannot read %d"
          % (name, len(per_rule), t[0], pct(t[1], t[0]), pct(t[2], t[0]), len(unreadable)))
    print("   without RDKit's %d products that have a radical the parent had not: found %.2f%% of %d"
          % (t[3], pct(t[1], t[0] - t[3]), t[0] - t[3]))
    for smiles in unreadable[:10]:
        print("   unreadable by RDKit: " + smiles)
    print("%-55s %9s %8s %8s %8s" % ("rule", "RDKit", "found%", "extras%", "radical"))
    for rule in sorted(per_rule, key=lambda r: (-per_rule[r][0], r)):
        c = per_rule[rule]
        if c[0] or c[2]:
            print("%-55s %9d %8.2f %8.2f %8d" % (rule[:55], c[0], pct(c[1], c[0]), pct(c[2], c[0]), c[3]))
    print("-- differences by rule and cause (rule, count, cause, one example: parent >> product)")
    for rule in sorted(differences):
        for why, count in differences[rule].most_common():
            example = examples.get((rule, why))
            print("%s\t%d\t%s%s" % (rule, count, why, "" if example is None else "\t%s >> %s" % example))
    print("-- differences by cause, all rules")
    by_cause = collections.Counter()
    for rule in differences:
        for why, count in differences[rule].items():
            by_cause[why.split(" (")[0][:90]] += count
    for why, count in by_cause.most_common():
        print("%d\t%s" % (count, why))


def pct(part, whole):
    return 100.0 * part / whole if whole else 0.0


def cmd_expected(rules_path, smiles_path, out_path):
    rules = [(name, AllChem.ReactionFromSmarts(smirks)) for name, smirks in read_rules(rules_path)]
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# input\trule\texpected products (RDKit RunReactants, canonical; - = none)\n")
        for smiles in read_smiles(smiles_path, 10**9):
            mol = Chem.MolFromSmiles(smiles)
            for name, rxn in rules:
                products = sorted(rdkit_products(mol, rxn))
                out.write("%s\t%s\t%s\n" % (smiles, name, " ".join(products) if products else "-"))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"rdkit": cmd_rdkit, "ours": cmd_ours, "compare": cmd_compare, "expected": cmd_expected}[command](*args)

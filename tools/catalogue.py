# Extracts the rule catalogue (rules.md) into src/WorkPermit.Rules/Catalogue/catalogue.json: every rule's
# statement, quoted passages with their source document, effective dates, kind, reference data and notes,
# the interpretations table and the source list. Run: python3 tools/catalogue.py [path/to/rules.md]
import json, os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "spec", "rules.md")
text = open(src, encoding="utf-8").read()

sources = []
for m in re.finditer(r"^- (F\d) `([^`]+)`: (.+)$", text, re.M):
    title, _, standing = m.group(3).rpartition(" - ")
    sources.append({"id": m.group(1), "file": m.group(2), "title": title.strip(), "standing": standing.strip()})

rules = []
for block in re.split(r"^#### ", text, flags=re.M)[1:]:
    head, _, body = block.partition("\n")
    m = re.match(r"([A-Z]+(?:-[A-Z]+)?-\d+X?) - (.+)", head.strip())
    if not m:
        continue
    rid, title = m.group(1), m.group(2).strip()
    body = body.split("\n### ")[0]
    rule = {"id": rid, "title": title, "statement": "", "quotes": [], "effective": "", "kind": "", "referenceData": [], "notes": ""}
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("- **Rule:**"):
            rule["statement"] = line[len("- **Rule:**"):].strip()
        elif line.startswith("- **Quote**"):
            q = re.match(r"- \*\*Quote\*\* \(`([^`]+)`\): \"(.*)\"$", line)
            rule["quotes"].append({"source": q.group(1), "text": q.group(2)})
        elif line.startswith("- **Effective:**"):
            rule["effective"] = line[len("- **Effective:**"):].strip()
        elif line.startswith("- **Kind:**"):
            rule["kind"] = line[len("- **Kind:**"):].strip()
        elif line.startswith("- **Reference data:**"):
            rule["referenceData"] = [x.strip() for x in line[len("- **Reference data:**"):].split(",")]
        elif line.startswith("- **Notes:**"):
            rule["notes"] = line[len("- **Notes:**"):].strip()
    rules.append(rule)

interpretations = []
for m in re.finditer(r"^\| (AMB-\d+) \| ([^|]+) \| (.+) \|$", text, re.M):
    interpretations.append({"id": m.group(1), "rules": [r.strip() for r in re.split(r",| vs ", m.group(2)) if r.strip()], "text": m.group(3).strip()})

out = {"generatedFrom": "rules.md", "sources": sources, "rules": rules, "interpretations": interpretations}
path = os.path.join(os.path.dirname(__file__), "..", "src", "WorkPermit.Rules", "Catalogue", "catalogue.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(sources), "sources,", len(rules), "rules,", len(interpretations), "interpretations")
kinds = sorted(set(r["kind"] for r in rules)); print(kinds)
print([r["id"] for r in rules if not r["quotes"]])

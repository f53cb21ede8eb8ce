#!/usr/bin/env bash
# Builds the real-text benchmark corpora from Debian's German man pages (manpages-de): about 1,350 pages of varied
# German prose, rendered with groff to plain text. Nothing here is committed: the folders are rebuilt on demand.
#   bench/corpus/manpages-de/          one document per page        (data folder: corpus.json + raw/)
#   bench/corpus/manpages-de-sections/ one document per page section (NAME, BESCHREIBUNG, OPTIONEN …), >= 5,000 documents
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! dpkg -s manpages-de >/dev/null 2>&1 || ! command -v groff >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends manpages-de groff-base >/dev/null
fi
python3 - "$here" <<'PY'
import gzip, json, os, re, subprocess, sys, glob, shutil
here = sys.argv[1]
pages = sorted(glob.glob('/usr/share/man/de/man*/*.gz'))
targets = {name: os.path.join(here, name) for name in ('manpages-de', 'manpages-de-sections')}
for path in targets.values():
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.join(path, 'raw'))
manifests = {name: [] for name in targets}
heading = re.compile(r'^[A-ZÄÖÜ][A-ZÄÖÜ0-9 ,/-]{2,}$')
total = 0
for i, page in enumerate(pages):
    source = gzip.open(page).read()
    # -k: the pages are UTF-8 (without it groff reads Latin-1 and the text comes out double-encoded).
    text = subprocess.run(['groff', '-k', '-Tutf8', '-mandoc', '-P-cbou'], input=source, capture_output=True).stdout.decode('utf-8', 'replace')
    lines = [l.rstrip() for l in text.split('\n')]
    # Drop the running header and footer lines ("LS(1)   Dienstprogramme …   LS(1)").
    lines = [l for l in lines if not re.match(r'^\S+\(\d\S*\)\s{2,}.*\s{2,}\S+\(\d\S*\)$', l) and not re.match(r'^\S.*\s{3,}\d{1,2}\. \w+ \d{4}\s{3,}', l)]
    body = '\n'.join(lines).strip()
    if len(body) < 200:
        continue
    name = os.path.basename(page)[:-3]
    doc = f'p{i:04d}'
    file = f'{doc}.txt'
    open(os.path.join(targets['manpages-de'], 'raw', file), 'w', encoding='utf-8').write(body + '\n')
    manifests['manpages-de'].append({'id': doc, 'file': file, 'title': name, 'genre': 'man page', 'language': 'de', 'profile': 'generic'})
    total += len(body.encode('utf-8'))
    # Sections: a heading line in capitals at the left margin starts one.
    sections, current, title = [], [], 'ANFANG'
    for line in lines:
        if heading.match(line):
            if sum(len(l) for l in current) > 80: sections.append((title, '\n'.join(current).strip()))
            current, title = [], line.strip()
        else:
            current.append(line)
    if sum(len(l) for l in current) > 80: sections.append((title, '\n'.join(current).strip()))
    for j, (title, text) in enumerate(sections):
        sid = f'{doc}s{j:02d}'
        open(os.path.join(targets['manpages-de-sections'], 'raw', sid + '.txt'), 'w', encoding='utf-8').write(text + '\n')
        manifests['manpages-de-sections'].append({'id': sid, 'file': sid + '.txt', 'title': f'{name}: {title}', 'genre': 'man page section', 'language': 'de', 'profile': 'generic'})
for name, path in targets.items():
    json.dump({'documents': manifests[name]}, open(os.path.join(path, 'corpus.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    open(os.path.join(path, 'figures.csv'), 'w').write('id,document,quote,offset,value,unit,measure,period,entity,kind,note\n')
    open(os.path.join(path, 'figures-ignored.csv'), 'w').write('document,offset,text,reason\n')
    print(f'{name}: {len(manifests[name])} documents')
print(f'{total / 1e6:.1f} MB of text')
PY

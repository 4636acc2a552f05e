# Checks that every evidence quote occurs in its report (normalised as in shared/eval/README.md).
# Run: /work/main/.venv/bin/python tests/data/sealed9/verify_quotes.py
import os, re, unicodedata, glob
import opencc
CC = opencc.OpenCC('t2s')
ROOT='/work/main'
def read_report(path):
    if path.endswith('.docx'):
        import docx
        d = docx.Document(path)
        return '\n'.join(p.text for p in d.paragraphs)
    b = open(path,'rb').read()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030')
def all_reports():
    paths = glob.glob(ROOT+'/data/*.txt')+glob.glob(ROOT+'/data/*/*.txt')+glob.glob(ROOT+'/tests/data/more/*/*.txt')+glob.glob(ROOT+'/tests/data/more/*/*.docx')
    out={}
    for p in paths:
        stem=os.path.basename(p)
        stem=stem[:stem.rfind('.')]
        out[stem]=p
    return out
PY = re.compile(r'\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+\)')
def norm(s):
    s = unicodedata.normalize('NFKC', s)
    s = PY.sub('', s)
    s = CC.convert(s)
    s = s.lower()
    return ''.join(c for c in s if unicodedata.category(c)[0] in 'LN')

import json, sys
HERE = os.path.dirname(os.path.abspath(__file__))
R = {k: norm(read_report(p)) for k, p in all_reports().items()}
DATA41 = {k for k, p in all_reports().items() if '/tests/data/more/' not in p}
fails = cross = 0
ans = [json.loads(l) for l in open(os.path.join(HERE, 'answers.jsonl'), encoding='utf-8')]
fol = [json.loads(l) for l in open(os.path.join(HERE, 'followups.jsonl'), encoding='utf-8')]
for d in ans:
    if d['report'] is None:
        assert d['evidence'] == [] and d['kind'] == 'unanswerable', d['id']
        continue
    assert d['report'] in R, d['id']
    for e in d['evidence']:
        n = norm(e)
        if not 6 <= len(n) <= 25:
            print('LEN', d['id']); fails += 1
        if n in R[d['report']]:
            continue
        if d['kind'] == 'comparison' and 'need' not in d and any(n in t for t in R.values()):
            cross += 1; continue
        print('FAIL', d['id']); fails += 1
for d in fol:
    if d['report'] is None:
        assert d['evidence'] == [], d['id']; continue
    assert d['report'] in DATA41, d['id']
    for e in d['evidence']:
        n = norm(e)
        if not 6 <= len(n) <= 25 or n not in R[d['report']]:
            print('FAIL', d['id']); fails += 1
print(f'answers {len(ans)}, follow-ups {len(fol)}, quote failures {fails}, cross-report quotes found in the other report {cross}')
sys.exit(1 if fails else 0)

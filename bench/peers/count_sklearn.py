"""The peer of `bench real`: scikit-learn's CountVectorizer with a Snowball German stemmer (PyStemmer), on the same raw files.

Prints one line: seconds (median of 3), megabytes, documents, vocabulary size. Debian packages: python3-sklearn, python3-stemmer.
"""
import glob, os, re, statistics, sys, time
import Stemmer
from sklearn.feature_extraction.text import CountVectorizer

folder = sys.argv[1]
texts = [open(p, encoding='utf-8').read() for p in sorted(glob.glob(os.path.join(folder, 'raw', '*.txt')))]
megabytes = sum(len(t.encode('utf-8')) for t in texts) / 1e6
stemmer = Stemmer.Stemmer('german')
token = re.compile(r'(?u)\b\w\w+\b')
def analyzer(text):
    return stemmer.stemWords(token.findall(text.lower()))
times, vocabulary = [], 0
for _ in range(3):
    start = time.perf_counter()
    matrix = CountVectorizer(analyzer=analyzer).fit_transform(texts)
    times.append(time.perf_counter() - start)
    vocabulary = matrix.shape[1]
print(f'{statistics.median(times):.3f} {megabytes:.2f} {len(texts)} {vocabulary}')

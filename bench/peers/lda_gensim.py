"""The LDA peer of `bench real`: gensim's LdaModel on the same term lists the C# side fitted.

Input: a file with one unit per line, its terms separated by spaces (written by the bench). Prints one line: seconds
for the fit; writes the top-10 terms of each topic, one topic per line, to the output file, so that one scorer (the
repository's NPMI) rates every tool. Debian package: python3-gensim.
"""
import sys, time
from gensim.corpora import Dictionary
from gensim.models import LdaModel

units_path, topics, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
units = [line.split() for line in open(units_path, encoding='utf-8')]
dictionary = Dictionary(units)
corpus = [dictionary.doc2bow(u) for u in units]
start = time.perf_counter()
# gensim's defaults (online variational Bayes, one pass, 50 iterations per chunk) with alpha = 1/K as the C# side uses.
model = LdaModel(corpus, id2word=dictionary, num_topics=topics, alpha=[1.0 / topics] * topics, eta=0.01, random_state=1)
seconds = time.perf_counter() - start
with open(out_path, 'w', encoding='utf-8') as out:
    for k in range(topics):
        out.write(' '.join(dictionary[i] for i, _ in model.get_topic_terms(k, topn=10)) + '\n')
print(f'{seconds:.3f}')

"""The peers of `bench topics-gold`: scikit-learn's and gensim's LDA on the same term lists as this repository's model.

Reads: a file of term lists (one document a line, terms separated by spaces), the labels (one a line), our dominant
topics (one a line; several files of our fits separated by commas), K, and the number of draws (seeds). Prints one JSON
object: for each fit its configuration, seed, seconds, NMI and ARI of the dominant topic against the labels
(sklearn.metrics), and its top 10 terms per topic (scored for NPMI by the C# side, one scorer).
Debian packages: python3-sklearn, python3-gensim.
"""
import json, sys, time
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.metrics import normalized_mutual_info_score, adjusted_rand_score
from gensim.corpora import Dictionary
from gensim.models import LdaModel

terms_path, labels_path, ours_path, k, draws = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
docs = [line.split() for line in open(terms_path, encoding='utf-8').read().split('\n') if line != '' or False]
labels = [l for l in open(labels_path, encoding='utf-8').read().split('\n') if l]
fits = [[int(l) for l in open(path, encoding='utf-8').read().split('\n') if l] for path in ours_path.split(',')]
assert all(len(docs) == len(labels) == len(ours) for ours in fits), (len(docs), len(labels), [len(o) for o in fits])
result = {}
def score(assigned):
    return normalized_mutual_info_score(labels, assigned), adjusted_rand_score(labels, assigned)
result['ours'] = [dict(zip(('nmi', 'ari'), score(ours))) for ours in fits]

vectorizer = CountVectorizer(analyzer=lambda d: d)
matrix = vectorizer.fit_transform(docs)
vocab = vectorizer.get_feature_names_out()
# One seed is one draw, as one unit order is ours: `draws` seeds on one core, and three with two jobs (joblib splits the
# E-step over the documents), the peer's own use of a second core.
result['sklearn'] = []
for jobs, seeds in ((None, draws), (2, min(draws, 3))):
    for seed in range(seeds):
        start = time.perf_counter()
        lda = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method='batch', max_iter=50, n_jobs=jobs)
        theta = lda.fit_transform(matrix)
        seconds = time.perf_counter() - start
        nmi, ari = score(theta.argmax(axis=1).tolist())
        result['sklearn'].append({'label': f'scikit-learn LatentDirichletAllocation (batch, 50 iterations{", 2 jobs" if jobs else ""})', 'seed': seed,
                                  'seconds': seconds, 'nmi': nmi, 'ari': ari, 'top': [[vocab[i] for i in row.argsort()[::-1][:10]] for row in lda.components_]})

dictionary = Dictionary(docs)
bow = [dictionary.doc2bow(d) for d in docs]
start = time.perf_counter()
model = LdaModel(bow, num_topics=k, id2word=dictionary, random_state=0, passes=10, iterations=100)
seconds = time.perf_counter() - start
dominant = [max(model.get_document_topics(b, minimum_probability=0), key=lambda t: t[1])[0] for b in bow]
nmi, ari = score(dominant)
result['gensim'] = [{'label': 'gensim LdaModel (10 passes)', 'seed': 0, 'seconds': seconds, 'nmi': nmi, 'ari': ari, 'top': [[dictionary[i] for i, _ in model.get_topic_terms(t, 10)] for t in range(k)]}]
print(json.dumps(result))

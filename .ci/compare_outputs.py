"""Compare the outputs jupyter nbconvert --execute produced with the kernel against those the engine's run saved."""
import sys
import nbformat

def outputs(path):
    nb = nbformat.read(path, as_version=4)
    return [(c.get("id"), c.get("execution_count"), c.get("outputs")) for c in nb.cells if c.cell_type == "code"]

failed = False
for saved, executed in zip(sys.argv[1::2], sys.argv[2::2]):
    a, b = outputs(saved), outputs(executed)
    if a == b:
        print(f"  {saved}: kernel outputs equal the saved ones ({len(a)} code cells)")
        continue
    failed = True
    for (id_a, n_a, out_a), (id_b, n_b, out_b) in zip(a, b):
        if (n_a, out_a) != (n_b, out_b):
            print(f"  {saved}: cell {id_a} differs (execution_count {n_a} vs {n_b})")
            print("    saved:   ", str(out_a)[:400])
            print("    executed:", str(out_b)[:400])
            break
sys.exit(1 if failed else 0)

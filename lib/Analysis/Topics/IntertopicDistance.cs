namespace Analysis.Topics;

/// <summary>LDAvis-style intertopic map: Jensen–Shannon distances between topics, classical MDS to two dimensions.</summary>
public static class IntertopicDistance
{
    /// <summary>Jensen–Shannon divergence in bits (0 … 1); its square root is a metric.</summary>
    public static double JensenShannon(double[] p, double[] q)
    {
        double js = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            if (p[i] > 0) js += 0.5 * p[i] * Math.Log2(p[i] / m);
            if (q[i] > 0) js += 0.5 * q[i] * Math.Log2(q[i] / m);
        }
        return Math.Max(0, js);
    }

    /// <summary>Distances sqrt(JSD) between the rows of φ.</summary>
    public static double[,] Distances(double[][] phi)
    {
        var k = phi.Length;
        var d = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var b = a + 1; b < k; b++)
                d[a, b] = d[b, a] = Math.Sqrt(JensenShannon(phi[a], phi[b]));
        return d;
    }

    /// <summary>
    /// Classical (Torgerson) MDS: B = −½ J D² J, coordinates = the top two eigenvectors scaled by the square roots
    /// of their eigenvalues. Each axis is oriented so its largest-magnitude coordinate is positive, so the map
    /// does not flip between runs.
    /// </summary>
    public static (double X, double Y)[] Mds(double[,] distances)
    {
        var n = distances.GetLength(0);
        var b = new double[n, n];
        var rowMean = new double[n];
        double total = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var d2 = distances[i, j] * distances[i, j];
                rowMean[i] += d2 / n;
                total += d2 / (n * n);
            }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                b[i, j] = -0.5 * (distances[i, j] * distances[i, j] - rowMean[i] - rowMean[j] + total);
        var (values, vectors) = JacobiEigen(b);
        var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ToArray();
        var result = new (double X, double Y)[n];
        for (var axis = 0; axis < Math.Min(2, n); axis++)
        {
            var e = order[axis];
            var scale = Math.Sqrt(Math.Max(0, values[e]));
            var sign = Enumerable.Range(0, n).Select(i => vectors[i, e]).MaxBy(Math.Abs) < 0 ? -1 : 1;
            for (var i = 0; i < n; i++)
            {
                var v = sign * vectors[i, e] * scale;
                result[i] = axis == 0 ? (v, result[i].Y) : (result[i].X, v);
            }
        }
        return result;
    }

    /// <summary>Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.</summary>
    private static (double[] Values, double[,] Vectors) JacobiEigen(double[,] input)
    {
        var n = input.GetLength(0);
        var a = (double[,])input.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (var p = 0; p < n; p++) for (var q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-22) break;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }
}

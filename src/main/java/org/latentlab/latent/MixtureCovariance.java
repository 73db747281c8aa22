package org.latentlab.latent;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One component's covariance in EM's maximisation step: the sum over codes of r (z - mu)(z - mu)^T,
 * codes whose posterior r is below 1e-8 left out, divided by the component's weight, plus the
 * ridge. The codes that count go through in blocks: a row of the sum, a vector of it at a time,
 * stays in a register while the block's codes are added to it (the Vector API), where a code at a
 * time loaded and stored the whole triangle. Every element still adds the same products in code
 * order, so the result is the same to the bit (MixtureCovarianceTest).
 */
final class MixtureCovariance {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Codes added to a row while it stays in registers. */
    static final int BLOCK = 16;

    private MixtureCovariance() {}

    /** Component c's covariance; {@code weight} is the sum of its posteriors. */
    static double[][] of(float[] z, int n, int d, double[][] resp, int c, double[] mean, double weight) {
        double[][] cov = new double[d][d];
        double[][] diffs = new double[BLOCK][d];
        double[] posteriors = new double[BLOCK];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double r = resp[i][c];
            if (r < 1e-8) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                diffs[m][j] = z[i * d + j] - mean[j];
            }
            posteriors[m++] = r;
            if (m == BLOCK) {
                add(cov, diffs, posteriors, m);
                m = 0;
            }
        }
        add(cov, diffs, posteriors, m);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= weight;
                cov[b][a] = cov[a][b];
            }
            cov[a][a] += GaussianMixture.RIDGE;
        }
        return cov;
    }

    /** cov[a][b] += (r_p diff_p[a]) diff_p[b] for b <= a, codes p in order (b > a may take junk; it is overwritten). */
    private static void add(double[][] cov, double[][] diffs, double[] posteriors, int m) {
        int d = cov.length;
        for (int a = 0; a < d; a++) {
            double[] row = cov[a];
            int vectorEnd = SPECIES.loopBound(Math.min(d, a + SPECIES.length()));
            for (int b = 0; b < vectorEnd; b += SPECIES.length()) {
                DoubleVector sum = DoubleVector.fromArray(SPECIES, row, b);
                for (int p = 0; p < m; p++) {
                    double ra = posteriors[p] * diffs[p][a];
                    sum = sum.add(DoubleVector.fromArray(SPECIES, diffs[p], b).mul(ra));
                }
                sum.intoArray(row, b);
            }
            for (int b = vectorEnd; b <= a; b++) {
                double s = row[b];
                for (int p = 0; p < m; p++) {
                    s += posteriors[p] * diffs[p][a] * diffs[p][b];
                }
                row[b] = s;
            }
        }
    }
}

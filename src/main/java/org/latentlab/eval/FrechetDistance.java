package org.latentlab.eval;

import org.latentlab.latent.SymmetricEigen;

/**
 * Frechet distance between Gaussians fitted to two feature sets:
 * ||mu1 - mu2||^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2).
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    public static double between(float[] a, int na, float[] b, int nb, int d) {
        double[] mu1 = mean(a, na, d);
        double[] mu2 = mean(b, nb, d);
        double[][] s1 = covariance(a, na, d, mu1);
        double[][] s2 = covariance(b, nb, d, mu2);
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            meanTerm += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
        }
        double[][] root1 = SymmetricEigen.sqrtPsd(s1);
        double[][] middle = SymmetricEigen.multiply(SymmetricEigen.multiply(root1, s2), root1);
        double traceRoot = 0;
        for (double ev : SymmetricEigen.eigenvalues(middle)) {
            traceRoot += Math.sqrt(Math.max(ev, 0));
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += s1[i][i] + s2[i][i];
        }
        return meanTerm + trace - 2 * traceRoot;
    }

    private static double[] mean(float[] x, int n, int d) {
        double[] mu = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mu[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        return mu;
    }

    private static double[][] covariance(float[] x, int n, int d, double[] mu) {
        double[][] c = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = x[i * d + j] - mu[j];
            }
            for (int j = 0; j < d; j++) {
                for (int k = j; k < d; k++) {
                    c[j][k] += row[j] * row[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                c[j][k] /= (n - 1);
                c[k][j] = c[j][k];
            }
        }
        return c;
    }
}

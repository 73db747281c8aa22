package org.latentlab.latent;

/** Cyclic Jacobi eigen-decomposition of small symmetric matrices (up to a few hundred rows). */
public final class SymmetricEigen {
    private SymmetricEigen() {}

    /** Eigenvalues and eigenvectors (columns of vectors) of a symmetric matrix. */
    public record Result(double[] values, double[][] vectors) {}

    public static Result decompose(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 60 && offDiagonal(a) > 1e-22 * (1 + diagonal(a)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new Result(values, v);
    }

    private static void rotate(double[][] a, double[][] v, int p, int q) {
        if (Math.abs(a[p][q]) < 1e-300) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    s += a[i][j] * a[i][j];
                }
            }
        }
        return s;
    }

    private static double diagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i] * a[i][i];
        }
        return s;
    }

    public static double[] eigenvalues(double[][] m) {
        return decompose(m).values();
    }

    /** The symmetric square root of a positive semi-definite matrix (negative eigenvalues clipped). */
    public static double[][] sqrtPsd(double[][] m) {
        Result r = decompose(m);
        int n = m.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double root = Math.sqrt(Math.max(r.values()[k], 0));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += r.vectors()[i][k] * root * r.vectors()[j][k];
                }
            }
        }
        return out;
    }

    public static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < y.length; k++) {
                double xik = x[i][k];
                for (int j = 0; j < m; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }
}

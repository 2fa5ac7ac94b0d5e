package fr.capemploi.localstack.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact allocations. The demo never draws an indicator at random and hopes: a share of 51 % of 102 structures is
 * exactly {@code round(0.51 × 102)} structures, and a national total is split over structures so that the parts add
 * up to the total to the unit. Randomness (the seed) only decides <em>which</em> structure or person gets a part.
 */
public final class Quotas {

    private Quotas() {
    }

    /** {@code round(fraction × n)}, halves rounded up, never above {@code n}. */
    public static int share(double fraction, int n) {
        if (fraction < 0 || fraction > 1 || n < 0) {
            throw new IllegalArgumentException("share(" + fraction + ", " + n + ")");
        }
        return (int) Math.min(n, Math.floor(fraction * n + 0.5 + 1e-9));
    }

    /**
     * Splits {@code total} into integer parts proportional to {@code weights} (largest remainders, ties to the lower
     * index), each part at least {@code minimum[i]} and at most {@code maximum[i]}. The parts add up to
     * {@code total} exactly.
     *
     * @throws IllegalArgumentException if the bounds make it impossible
     */
    public static int[] apportion(long total, double[] weights, int[] minimum, int[] maximum) {
        int n = weights.length;
        if (minimum.length != n || maximum.length != n) {
            throw new IllegalArgumentException("weights and bounds differ in length");
        }
        long floor = 0;
        long ceiling = 0;
        for (int i = 0; i < n; i++) {
            if (minimum[i] > maximum[i] || minimum[i] < 0) {
                throw new IllegalArgumentException("bounds of part " + i + ": " + minimum[i] + ".." + maximum[i]);
            }
            floor += minimum[i];
            ceiling += maximum[i];
        }
        if (total < floor || total > ceiling) {
            throw new IllegalArgumentException("cannot split " + total + " within bounds " + floor + ".." + ceiling);
        }
        int[] parts = minimum.clone();
        long left = total - floor;
        boolean[] open = new boolean[n];
        for (int i = 0; i < n; i++) {
            open[i] = parts[i] < maximum[i];
        }
        // a part that reaches its maximum gives its share of what is left to the others: repeat until all is placed
        while (left > 0) {
            double weightOpen = 0;
            for (int i = 0; i < n; i++) {
                if (open[i]) {
                    weightOpen += Math.max(0, weights[i]);
                }
            }
            long[] add = new long[n];
            double[] remainder = new double[n];
            long placed = 0;
            for (int i = 0; i < n; i++) {
                if (!open[i]) {
                    remainder[i] = -1;
                    continue;
                }
                double ideal = weightOpen > 0 ? left * Math.max(0, weights[i]) / weightOpen
                        : (double) left / countSet(open);
                add[i] = Math.min((long) Math.floor(ideal), maximum[i] - parts[i]);
                remainder[i] = ideal - Math.floor(ideal);
                placed += add[i];
            }
            long rest = left - placed;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
            for (int k = 0; k < n && rest > 0; k++) {
                int i = order[k];
                if (open[i] && parts[i] + add[i] < maximum[i]) {
                    add[i]++;
                    rest--;
                }
            }
            for (int i = 0; i < n; i++) {
                parts[i] += (int) add[i];
                open[i] = parts[i] < maximum[i];
            }
            left = rest;
            if (left > 0 && countSet(open) == 0) {
                throw new IllegalStateException("no part can take the remaining " + left);
            }
        }
        return parts;
    }

    /** {@link #apportion(long, double[], int[], int[])} with the same minimum for all and no maximum. */
    public static int[] apportion(long total, double[] weights, int minimum) {
        int[] min = new int[weights.length];
        int[] max = new int[weights.length];
        Arrays.fill(min, minimum);
        Arrays.fill(max, Integer.MAX_VALUE);
        return apportion(total, weights, min, max);
    }

    /** How many of the flags are set. */
    static int countSet(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            if (flag) {
                count++;
            }
        }
        return count;
    }
}

package org.occam.measure;

/** Run in a child JVM by {@link SymmetricEigenTest}: prints the default eigh backend and the spectrum of [[2,1],[1,2]]. */
public final class EighFallbackMain {
    private EighFallbackMain() {
    }

    public static void main(String[] args) {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        System.out.println("backend " + EighBackend.auto() + " native " + EighBackend.nativeAvailable());
        System.out.println("values " + e.values()[0] + " " + e.values()[1]);
    }
}

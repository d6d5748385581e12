package org.occam.cli.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Maven repository under target/ holding what {@code mvn install} puts in ~/.m2 for the library
 * modules: the parent pom, and each module's pom and jar at org/occam/NAME/VERSION/NAME-VERSION.*.
 * The jar is built from the module's compiled classes, so the test needs no packaging phase.
 */
final class LocalRepository {
    private LocalRepository() {
    }

    /** Fills {@code repo} from the build tree at {@code root}; returns the version installed. */
    static String install(Path root, Path repo, List<String> modules) throws IOException {
        String version = System.getProperty("occam.version", "0.1.0-SNAPSHOT");
        put(repo, "occam-parent", version, root.resolve("pom.xml"), null);
        for (String m : modules) {
            put(repo, m, version, root.resolve(m).resolve("pom.xml"), root.resolve(m).resolve("target/classes"));
        }
        return version;
    }

    private static void put(Path repo, String artifact, String version, Path pom, Path classes) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("org/occam").resolve(artifact).resolve(version));
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (classes != null) {
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " is missing: build the module first (mvn -pl occam-cli -am test)");
            }
            jar(classes, dir.resolve(artifact + "-" + version + ".jar"));
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }
}

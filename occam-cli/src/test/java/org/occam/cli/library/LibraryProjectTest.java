package org.occam.cli.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's own Maven project (the pom the README shows, the README's Java example as its main
 * class) built against the installed occam-core and occam-science, then run with the README's JVM
 * flag. The artifacts go to a repository under target/, never to ~/.m2; third-party artifacts and
 * plugins come from the build's own local repository (through a file mirror), so nothing is
 * downloaded and the test runs offline once the main build has resolved them.
 */
class LibraryProjectTest {

    @Test
    void tinyProjectBuildsAndRunsAgainstTheInstalledArtifacts() throws Exception {
        Optional<Path> mvn = Processes.onPath("mvn");
        assumeTrue(mvn.isPresent(), "skipped: mvn is not on PATH (apt-get install maven)");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path work = Path.of("target", "library-project").toAbsolutePath();
        Path repo = work.resolve("repository");
        Path project = work.resolve("project");
        Files.createDirectories(project.resolve("src/main/java"));
        String version = LocalRepository.install(root, repo, List.of("occam-core", "occam-science"));
        Path m2 = Path.of(System.getProperty("occam.m2", System.getProperty("user.home") + "/.m2/repository"));
        Files.writeString(work.resolve("settings.xml"), settings(repo, m2));
        Files.writeString(project.resolve("pom.xml"), pom(version));
        Files.writeString(project.resolve("src/main/java/Main.java"), ReadmeSnippet.read(root.resolve("README.md")).asMainClass());

        Processes.Result build = Processes.run(project, "", 300, List.of(mvn.get().toString(), "-B", "-q", "-nsu",
                "-s", work.resolve("settings.xml").toString(), "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=cp.txt"));
        assertEquals(0, build.code(), build.output());
        String classPath = "target/classes" + File.pathSeparator + Files.readString(project.resolve("cp.txt")).strip();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Processes.Result run = Processes.run(project, "", 120, List.of(java.toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", classPath, "Main"));
        assertEquals(0, run.code(), run.output());
        SnippetOutput.check(run.output());
    }

    /** The dependency block of the README, in the smallest pom that compiles with JDK 25. */
    private static String pom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>uses-occam</artifactId>
                  <version>1</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>25</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.occam</groupId>
                      <artifactId>occam-science</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /** The test repository as the local one; every remote request served by the build's repository. */
    private static String settings(Path repo, Path m2) {
        return """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>build-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repo, m2.toUri());
    }
}

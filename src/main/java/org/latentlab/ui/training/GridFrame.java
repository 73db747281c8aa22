package org.latentlab.ui.training;

import javafx.scene.image.Image;

/** The progress grids recorded at one step: samples of the fixed noise, and x | G(E(x)) pairs. */
public record GridFrame(long step, Image samples, Image reconstructions, float reconstructionError) {}

/**
 * Files of a user's exploration, readable by the window and the command line alike: named
 * directions ({@link org.latentlab.explore.DirectionFile}) and whole explorer sessions
 * ({@link org.latentlab.explore.SessionFile}). Plain Java and JSON; no JavaFX, no libtorch.
 */
package org.latentlab.explore;

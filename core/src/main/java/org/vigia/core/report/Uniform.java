package org.vigia.core.report;

/** Uniforms or markings the resident saw (DESIGN.md, guided report step 4). */
public enum Uniform {

	ICE, HSI, ERO, POLICE, PLAIN_CLOTHES, UNSURE

}

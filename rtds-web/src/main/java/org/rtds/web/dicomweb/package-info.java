/**
 * DICOMweb (PS3.18) over plain servlets, at {@code /rtds/dicomweb}: STOW-RS now; QIDO-RS and
 * WADO-RS are to come. A servlet rather than a second JAX-RS application, so that the API resources
 * under {@code /rtds/api} are not published twice (a JAX-RS application without an explicit class
 * list takes every resource of the WAR).
 */
package org.rtds.web.dicomweb;

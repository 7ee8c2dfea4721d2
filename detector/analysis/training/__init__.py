"""Reproducible training and evaluation scripts for the detector's fitted parameters."""

"""Engines run the pipeline: in this process, in worker processes, or on Dask."""

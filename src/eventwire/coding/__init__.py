"""Event coding: CAMEO / PLOVER ontology, predicate lexicon, coder and modality.

``Ontology.load()`` reads ``data/ontology/cameo.csv``; ``Lexicon.load(ontology)``
reads ``data/lexicon/*.yaml``; ``Coder(lexicon=..., ontology=...)`` turns a parsed
sentence and its actor mentions into ``CodedEvent`` records.
"""

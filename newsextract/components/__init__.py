"""newsextract's spaCy components, one subpackage per stage, in pipeline order
(newsextract.pipeline.COMPONENTS): importing a subpackage registers its factory."""

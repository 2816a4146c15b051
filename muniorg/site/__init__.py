"""The static site a build writes beside the data: pages for people (see :mod:`muniorg.site.pages`)."""

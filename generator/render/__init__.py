"""The render layer: the docs tree per language, quiz HTML, journey pages, print HTML, interface strings."""

"""Quotes and speakers: direct and indirect quotes, their quotation marks, and who said them."""

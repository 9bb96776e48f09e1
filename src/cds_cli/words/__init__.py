"""Words for people, in one place: :mod:`.messages` is the catalogue (every label, heading,
sentence and finding message, Vietnamese and English side by side); :mod:`.labels` words
values (numbers in each language's marks, dates as Nghị định 30 writes them, quarters,
targets with ≥ and ≤, baselines in the plan's words, shares, statuses).  Ids, codes,
statuses and JSON keys never change with the language.
"""

"""The rules that make a figure: capaian, status, how periods combine, what a
value may be, and what the rest of the year must bring. Every command uses
these and nothing else."""

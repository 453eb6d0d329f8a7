"""Developer tools for the text model: the labelled data, training, and honest evaluation.

Not part of the installed app: `training/train.py` needs scikit-learn (`pip install -e ".[train]"`);
the app applies the trained model with plain arithmetic (checks/detectors/textmodel.py).
"""

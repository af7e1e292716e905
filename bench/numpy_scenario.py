#!/usr/bin/env python3
"""The notebook's 'Putting it all together' cell, on the data and settings of a scenario file (a 3-layer
relu net, sgd): the same per-row training, numpy's own way. Prints the summed error after every 10th
iteration, as the notebook does (and as `streetlight-tui FILE --print` does for a 3-layer net).

    python3 bench/numpy_scenario.py FILE.json [ITERATIONS]
"""
import json
import sys
import numpy as np

scenario = json.load(open(sys.argv[1]))
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else scenario['training']['iterations']

np.random.seed(scenario['network']['seed'])
def relu(x): return (x > 0) * x
def relu2deriv(output): return output > 0
streetlights = np.array(scenario['data']['inputs'])
walk_vs_stop = np.array([scenario['data']['labels']]).T
alpha = scenario['training']['alpha']
hidden_size = scenario['network']['hidden']
weights_0_1 = 2*np.random.random((streetlights.shape[1],hidden_size)) - 1
weights_1_2 = 2*np.random.random((hidden_size,1)) - 1
for iteration in range(iterations):
    layer_2_error = 0
    for i in range(len(streetlights)):
        layer_0 = streetlights[i:i+1]
        layer_1 = relu(np.dot(layer_0,weights_0_1))
        layer_2 = np.dot(layer_1,weights_1_2)
        layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i+1]) ** 2)
        layer_2_delta = (layer_2 - walk_vs_stop[i:i+1])
        layer_1_delta = layer_2_delta.dot(weights_1_2.T)*relu2deriv(layer_1)
        weights_1_2 -= alpha * layer_1.T.dot(layer_2_delta)
        weights_0_1 -= alpha * layer_0.T.dot(layer_1_delta)
    if iteration % 10 == 9:
        print("Error:" + str(layer_2_error))

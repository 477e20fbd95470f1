// Registers every widget of the catalog (an end-to-end test checks that none is missing).
import '../widgets/sigmoid-explorer/index';
import '../widgets/matrix-multiply/index';
import '../widgets/neuron/index';
import '../widgets/derivative/index';
import '../widgets/network-teaser/index';
import '../widgets/gradient-descent/index';
import '../widgets/loss-chart/index';
import '../widgets/logistic-neuron/index';

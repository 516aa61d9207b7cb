/** The origin the harness serves the built renderer from; never resolved on the network. */
export const APP_TEST_ORIGIN = 'http://mesochart.test';

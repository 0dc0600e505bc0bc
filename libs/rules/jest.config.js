module.exports = require('../../jest.preset')(__dirname, 'rules');

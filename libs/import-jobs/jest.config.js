module.exports = require('../../jest.preset')(__dirname, 'import-jobs');

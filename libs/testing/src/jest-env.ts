// Tests run in UTC so that dates and times never depend on the machine (ghostfolio).
process.env.TZ = 'UTC';

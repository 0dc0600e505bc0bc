import { Topics } from '@taizhang/contracts';

import { projectLateness } from './lateness';
import { projectOrganisationEvent } from './organisation-event.projection';
import { RightsFiguresConsumer } from './rights-figures';
import { topicConsumer } from './topic-consumer';
import { projectWorkersHomeRatings } from './workers-homes';

/**
 * One consumer per source topic, each with the read models and figure sets its events feed.
 * A service's figures are one line, e.g.
 * `topicConsumer(Topics.rights, figureSetProjection(RIGHTS_FIGURES, rightsFigureDeltas))`,
 * with its topic and registry in `events.transport.ts` and its set's migration.
 */
export const reportingConsumers = [
  // Members' steps of a run are written together before the commit (organisation-event.projection).
  topicConsumer(
    Topics.organisation,
    (event, tx) => projectOrganisationEvent(event, tx, { batchMemberSteps: true }),
    projectLateness,
    projectWorkersHomeRatings,
  ),
  RightsFiguresConsumer,
];

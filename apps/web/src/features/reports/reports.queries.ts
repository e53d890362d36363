import { graphql } from '../../app/graphql';

/** What a report can cover for this viewer: the communities they coordinate, and the regions and provinces. */
export const ReportScopesQuery = graphql(`
  query ReportScopes {
    regions: territories(first: 100, filter: { level: REGION }) {
      nodes { id code name }
    }
    provinces: territories(first: 100, filter: { level: PROVINCE }) {
      nodes { id code name parent { id name } }
    }
    communities(first: 100, filter: { joined: true }) {
      nodes { id slug name viewerRole }
    }
  }
`);

export const ActivityReportQuery = graphql(`
  query ActivityReport($scope: ActivityScopeInput!, $from: Date!, $to: Date!, $period: ActivityPeriodUnit) {
    activityReport(scope: $scope, from: $from, to: $to, period: $period) {
      from
      to
      period
      activeMembers
      scope { kind name territoryCount }
      forum {
        threads
        posts
        replies
        questionsAsked
        questionsAnswered
        questionsAnsweredWithin48Hours
        answeredWithin48HoursShare
        medianHoursToFirstReply
      }
      practices { published adoptedHere adoptedElsewhere }
      exchanges { held participants attended noShows attendanceRate averageFeedback feedbackCount }
      periods { starts ends threads posts questionsAsked questionsAnswered answeredShare }
    }
  }
`);

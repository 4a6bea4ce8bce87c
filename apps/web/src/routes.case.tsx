import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Code-split: none of these is in the login + inbox route's JS (the KPI charts and the XLSX
// writer are further chunks that load only when used).
const CaseSearchPage = lazy(() =>
  import('./pages/CaseSearchPage').then((m) => ({ default: m.CaseSearchPage })),
);
const OpenCasePage = lazy(() =>
  import('./pages/OpenCasePage').then((m) => ({ default: m.OpenCasePage })),
);
const ApprovalsPage = lazy(() =>
  import('./pages/manager/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })),
);
const EscalationsPage = lazy(() =>
  import('./pages/manager/EscalationsPage').then((m) => ({ default: m.EscalationsPage })),
);
const BoardPage = lazy(() =>
  import('./pages/manager/BoardPage').then((m) => ({ default: m.BoardPage })),
);
const KpiPage = lazy(() => import('./pages/manager/KpiPage').then((m) => ({ default: m.KpiPage })));
const UsersPage = lazy(() =>
  import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const WebhooksPage = lazy(() =>
  import('./pages/admin/WebhooksPage').then((m) => ({ default: m.WebhooksPage })),
);

const ConsignmentListPage = lazy(() =>
  import('./pages/consignment/ConsignmentListPage').then((m) => ({
    default: m.ConsignmentListPage,
  })),
);
const ConsignmentPage = lazy(() =>
  import('./pages/consignment/ConsignmentPage').then((m) => ({ default: m.ConsignmentPage })),
);
const MonthlyReviewListPage = lazy(() =>
  import('./pages/review/MonthlyReviewListPage').then((m) => ({
    default: m.MonthlyReviewListPage,
  })),
);
const MonthlyReviewPage = lazy(() =>
  import('./pages/review/MonthlyReviewPage').then((m) => ({ default: m.MonthlyReviewPage })),
);

/** The case search, manager, admin, consignment and monthly-review pages (issue 11), spread into the shell's routes. */
export const CASE_ROUTES = [
  <Route key="open" path="/open" element={<OpenCasePage />} />,
  <Route key="cases" path="/cases" element={<CaseSearchPage />} />,
  <Route key="approvals" path="/approvals" element={<ApprovalsPage />} />,
  <Route key="escalations" path="/escalations" element={<EscalationsPage />} />,
  <Route key="board" path="/board" element={<BoardPage />} />,
  <Route key="kpis" path="/kpis" element={<KpiPage />} />,
  <Route key="users" path="/admin/users" element={<UsersPage />} />,
  <Route key="webhooks" path="/admin/webhooks" element={<WebhooksPage />} />,
  <Route key="consignments" path="/consignments" element={<ConsignmentListPage />} />,
  <Route key="consignment" path="/consignments/:caseNumber" element={<ConsignmentPage />} />,
  <Route key="reviews" path="/monthly-reviews" element={<MonthlyReviewListPage />} />,
  <Route key="review" path="/monthly-reviews/:month" element={<MonthlyReviewPage />} />,
];

// GENERATED from the API’s OpenAPI document by `npm run web:client`: do not edit.
export interface paths {
    "/users/me/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My absences, and the live absences I stand in for */
        get: operations["getUsersMeAbsences"];
        put?: never;
        /**
         * Record an absence and the delegate who stands in
         * @description The delegate must be an active user of your department holding each of your working roles (403 WRONG_DEPARTMENT / WRONG_ROLE otherwise) and not away themself (409). Once the absence starts, your claimed tasks are handed to the delegate (audited delegations); the delegate approves within their own limit.
         */
        post: operations["postUsersMeAbsences"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me/absences/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled or active absence (tasks already handed over stay) */
        post: operations["postUsersMeAbsencesIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The policy versions of the organisation, oldest first
         * @description Admins, auditors and managers (manager, sales VP, VP in charge, GM).
         */
        get: operations["getPolicies"];
        put?: never;
        /**
         * Publish a new policy version (admins; a version is never edited in place)
         * @description The whole document is validated; every offending path is listed in the 400 details (body.…). Its version must be the latest + 1; a concurrent publication of the same number answers 409. Running cases keep the version they pinned; new cases pin this one.
         */
        post: operations["postPolicies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy version with its whole document */
        get: operations["getPoliciesVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{a}/diff/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The changed paths between two policy versions, with old and new values */
        get: operations["getPoliciesADiffB"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a complaint (sales) */
        post: operations["postComplaints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases the user works, newest first (phones masked) */
        get: operations["getCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The internal view: read model and live workflow state */
        get: operations["getCasesCaseNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/customer-view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What may be told to the customer (allow-listed fields, phone masked) */
        get: operations["getCasesCaseNumberCustomerView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s documents */
        get: operations["getCasesCaseNumberDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s audit trail */
        get: operations["getCasesCaseNumberAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit trail’s hash chain (and, with against=history, its agreement with history) */
        get: operations["getCasesCaseNumberAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/as-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case as of a moment, computed from its audit trail (state, status, tasks) */
        get: operations["getCasesCaseNumberAsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the full audit trail (JSON, or CSV for Excel) with its verification
         * @description Oldest first. format=csv: RFC 4180, UTF-8 with BOM, attachment <case>-audit.csv, data JSON-encoded. The verification is also in X-Audit-Chain-Valid / X-Audit-Event-Count.
         */
        get: operations["getCasesCaseNumberAuditExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s attachments, oldest first (metadata only) */
        get: operations["getCasesCaseNumberAttachments"];
        put?: never;
        /**
         * Attach a photo, sample record or scan to the case (not auditors)
         * @description JPEG, PNG, WebP or PDF; the declared type must match the file's magic bytes (else 415 UNSUPPORTED_MEDIA_TYPE). Larger than ATTACHMENT_MAX_BYTES (10 MiB by default) → 413 PAYLOAD_TOO_LARGE. Recorded as AttachmentUploaded in the case's audit chain.
         */
        post: operations["postCasesCaseNumberAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseNumber}/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (Content-Type and Content-Disposition of the file) */
        get: operations["getCasesCaseNumberAttachmentsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with organisation, username and password */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new session (the old token is used up)
         * @description Presenting a used refresh token again ends every session of that user.
         */
        post: operations["postAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user, as the users table says now */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every refresh session of the current user */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/web/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in from the web app: the refresh token is set as a cookie
         * @description For the web app (same origin): needs the header `X-ASO-Web: 1`, and an Origin, when sent, of this host (403 otherwise). The refresh token travels only in the httpOnly, SameSite=Strict cookie `aso_refresh` (Path=/auth/web; Secure over TLS). API clients use /auth/login and /auth/refresh.
         */
        post: operations["postAuthWebLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/web/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new access token for the web app, from its refresh cookie (rotated)
         * @description For the web app (same origin): needs the header `X-ASO-Web: 1`, and an Origin, when sent, of this host (403 otherwise). The refresh token travels only in the httpOnly, SameSite=Strict cookie `aso_refresh` (Path=/auth/web; Secure over TLS). API clients use /auth/login and /auth/refresh. 401 clears the cookie.
         */
        post: operations["postAuthWebRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/web/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out of the web app: end the cookie’s sessions and clear the cookie
         * @description For the web app (same origin): needs the header `X-ASO-Web: 1`, and an Origin, when sent, of this host (403 otherwise). The refresh token travels only in the httpOnly, SameSite=Strict cookie `aso_refresh` (Path=/auth/web; Secure over TLS). API clients use /auth/login and /auth/refresh.
         */
        post: operations["postAuthWebLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a consignment: count the goods, list and code every item (sales)
         * @description DOMAIN.md §4, 002 ch.12: the goods counted are listed on the 委托代销清单 and every item gets its code (pf/jm + number + the consignor’s surname, K02). Customer absent: the quantities and the contract go for signature, awaited with a deadline and reminders (K03). Sales then records sales on the standing task (RecordSales, idempotent by sale id); a report per period (K04), settlement with finance and the goods’ return are tasks. Opened once per Idempotency-Key.
         */
        post: operations["postConsignments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a planned follow-up call (CS)
         * @description A call of a CS follow-up plan (004 三.(一)): new customers after purchase, old customers quarterly, key customers monthly. Calls after a case closes are opened by the closing case itself. The HF case asks the plan script; the 001 §17 survey is optional.
         */
        post: operations["postFollowUps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a service request (CS): the register entry and its service voucher
         * @description CS writes the service register entry 服务登记簿 (001 §7: customer name, address, phone, model, spec, purchase date and place, service kind A–D of 001 §6, problem, channel); the repair case (WX…) starts with its service voucher 服务凭证 and the tech manager’s dispatch task.
         */
        post: operations["postRepairs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a customer’s own return, exchange, price-difference or shipping request (sales, CS)
         * @description A customer’s own request (001 篇3 一般售后 1, 退货流程 1–2): order, SN, reason, request time, customer account, customer kind, channel, powered-on, the parts that come back. The rules (001 篇3 退换货 1–7, 退差价 1–3; 002 ch.11; DOMAIN.md Decisions 8–9) are evaluated at once and answered with the rule that decided; the TH case starts with the sales supervisor’s task to answer the problem first (R10), then to approve or refuse. Sales or CS record it; opened once per Idempotency-Key.
         */
        post: operations["postReturns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/case-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case types the API lets people open, each with its open command’s JSON Schema
         * @description Every case type with an opening route: its path, labels in zh-CN and en-US, whether the caller may open one, and the JSON Schema of its body (from the zod schema that route parses with). The web app’s “Open a case” page is rendered from this list.
         */
        get: operations["getCaseTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness of PostgreSQL and Temporal */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format)
         * @description Process metrics, http_request_duration_seconds by method, route template and status, and workflow_update_rejections_total by code. No user token: loopback peers only, or `Authorization: Bearer $METRICS_TOKEN` when METRICS_TOKEN is set.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monthly-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s monthly complaint reviews, newest month first */
        get: operations["getMonthlyReviews"];
        put?: never;
        /**
         * Start a month’s complaint review by hand (GM office, admins)
         * @description The monthly complaint review of 001 §28 (M01–M03; Decision 6) is started by each organisation’s schedule on the 1st at 00:05 Asia/Shanghai. This starts the same starter for a month that has ended: a month is reviewed once, whoever starts it — a second start (or the schedule’s fire) answers the same case number with `started: false`. The GM office’s review task is due 18:00 on the last working day before the 10th of the next month.
         */
        post: operations["postMonthlyReviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/monthly-reviews/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One month’s review with its documents (人事公布单, 奖罚通知单) */
        get: operations["getMonthlyReviewsMonth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A self-contained HTML page listing every operation */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3 document */
        get: operations["getDocsOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/improvement-measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an improvement measure from the follow-up analysis (CS managers; 003 §四.4)
         * @description F17 003 §四.4: a GJ case with the measure, its goal, owner and completion date. The owner’s task opens claimed by them, due 18:00 on the last working day on or before the date, escalated when overdue (the CS manager, then the VP in charge); the owner records the result (RecordImprovementResult), a CS manager checks the effect (CheckImprovement). An unknown or inactive owner is a 404 USER_NOT_FOUND; a date already past a 400 naming the field.
         */
        post: operations["postImprovementMeasures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow-up-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CS follow-up plan: its rules, the customer register and the calls due on a day
         * @description F01, F02, F06, F07 (004 三.(一), 五.(一)–(二)): new customers are called within 3 working days of purchase and again within 2 weeks (our values for the seed’s [X], policy data), old customers quarterly, key customers monthly. Every organisation’s schedule runs the plan daily at 08:30 Asia/Shanghai; holidays open nothing.
         */
        get: operations["getFollowUpPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow-up-plans/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or update a customer of the follow-up register (CS) */
        post: operations["postFollowUpPlansCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow-up-plans/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the follow-up plan for a day by hand (CS)
         * @description What the daily schedule starts: opens one HF case per due call, once per customer and period whoever runs it (a second run answers the cases under `alreadyOpen`).
         */
        post: operations["postFollowUpPlansRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow-up-plans/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an ad hoc customer opinion survey over chosen customers (CS managers; 001 §14)
         * @description F13 001 §14 不定期的客户意见调查: one HF call per chosen customer of the register, through the plan run; idempotent by campaignId (a repeated start answers its cases under `alreadyOpen`). A reference not in the register is a 400 naming body.customerRefs.
         */
        post: operations["postFollowUpPlansCampaigns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/follow-up-analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The follow-up analysis report of a month and its improvement measures (003 §四.4)
         * @description Managers, the GM office and auditors. The follow-up calls opened in the month (Asia/Shanghai): calls made and reached, the 001 §17 satisfaction per item, the items below satisfied, the problems found by category and department, the complaints the dissatisfied calls opened, and the improvement measures (GJ…) set from the month with their progress.
         */
        get: operations["getReportsFollowUpAnalysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/repair-kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Repair KPIs for the repairs opened in a period of Asia/Shanghai days
         * @description Managers, the GM office and auditors; the same period rules as /reports/kpis (at most 366 days). Dispatch time in working hours, on-site and first-visit resolution rates, external-repair turnaround, fees collected vs invoiced (issue 10 §9).
         */
        get: operations["getReportsRepairKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/follow-up-kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow-up KPIs for the calls opened in a period of Asia/Shanghai days
         * @description Managers, the GM office and auditors; the same period rules as /reports/kpis (at most 366 days). Completion rate, record quality rate and the satisfaction distribution (004 七.(一)), in total and by month.
         */
        get: operations["getReportsFollowUpKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * KPIs of the organisation for a period of Asia/Shanghai days
         * @description Managers, the GM office and auditors. Both days inclusive; from ≤ to; at most 366 days. Complaint resolution rate, on-time closing rate, overdue by department, mean first-response time, return reconciliation mismatches — each with numerator and denominator.
         */
        get: operations["getReportsKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/sales-volumes/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a month’s sales volume (sales, admins): the complaint rate’s denominator
         * @description X10 (000 §六.1 投诉率): the KPI report’s complaint_rate indicator divides the month’s complaints by the units recorded here; a month without an entry has no rate.
         */
        put: operations["putReportsSalesVolumesMonth"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/service-appraisal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service appraisal of a year by month, quarter and year (003 §五.2)
         * @description Managers, the GM office and auditors. Each service person’s customer ratings from the 001 §17 follow-up surveys, in the month (quarter, year) the followed case closed, Asia/Shanghai.
         */
        get: operations["getReportsServiceAppraisal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/supervision-ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The supervision ledger of a month: each spot check of a follow-up record (004 八.(二))
         * @description Managers, the GM office and auditors. The follow-up records opened in the month (Asia/Shanghai) drawn at random for a re-check: the record, its caller, the checker and when, the result, the problems found and how they were handled.
         */
        get: operations["getReportsSupervisionLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My claimed tasks and my department’s open ones: overdue first, then by due instant */
        get: operations["getInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A lead’s board: the department’s open and claimed tasks and its people
         * @description Supervisors, managers and the sales VP see their own department; the VP in charge and the GM any department. Bulk reassignment is POST /tasks/:taskId/delegate per task.
         */
        get: operations["getTasksBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a task of my department and role */
        post: operations["postTasksTaskIdClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a claimed task (its assignee or a lead of the department) */
        post: operations["postTasksTaskIdUnclaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a task to someone who fits it */
        post: operations["postTasksTaskIdDelegate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/delegates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the task may be delegated to (active users who fit it, not me) */
        get: operations["getTasksTaskIdDelegates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task with one of its commands
         * @description The command’s `type` selects its payload (TaskCommand). The API checks its shape (400 naming the field), then who may act (403), then the workflow’s validator decides (409/422).
         */
        post: operations["postTasksTaskIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users of the admin’s organisation */
        get: operations["getAdminUsers"];
        put?: never;
        /** Create a user */
        post: operations["postAdminUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change department, roles, personal approval limit, qualifications, display name or password */
        patch: operations["patchAdminUsersId"];
        trace?: never;
    };
    "/admin/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a user (their sessions end at once) */
        post: operations["postAdminUsersIdDeactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s webhook endpoints (admins) */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint (admins); the answer shows its secret once
         * @description Events: task.assigned, task.escalated, case.closed. Each is POSTed as JSON with X-ASO-Event-Id, X-ASO-Event-Type, X-ASO-Delivery-Attempt and X-ASO-Signature; anything but a 2xx is retried with exponential backoff.
         */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a webhook endpoint (admins): nothing more is sent to it, pending retries stop */
        post: operations["postWebhooksIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint’s deliveries with every attempt (admins) */
        get: operations["getWebhooksIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorBody: {
            /**
             * @description the closed set of codes (common/api-error.ts STATUS_BY_CODE gives each status)
             * @example VALIDATION_FAILED
             * @enum {string}
             */
            code: "POLICY_INVALID" | "CALENDAR_YEAR_UNKNOWN" | "CALENDAR_RANGE_EXCEEDED" | "HOLIDAY_TABLE_INVALID" | "MONEY_INVALID" | "QUANTITY_INVALID" | "CASE_NUMBER_INVALID" | "APPROVAL_ROUTE_NOT_FOUND" | "APPROVAL_LIMIT_EXCEEDED" | "SELF_APPROVAL" | "APPROVER_REPEATED" | "APPROVAL_STEP_MISMATCH" | "WRONG_ROLE" | "WRONG_DEPARTMENT" | "TASK_NOT_FOUND" | "TASK_NOT_OPEN" | "ILLEGAL_TRANSITION" | "COMMAND_INVALID" | "RETURN_WINDOW_EXPIRED" | "RETURN_NOT_ELIGIBLE" | "QUANTITY_MISMATCH" | "SLA_PAUSE_INVALID" | "REPAIR_ITEM_NOT_ACCEPTED" | "OUT_OF_TOWN_NOT_APPROVED" | "CONSIGNMENT_CODE_INVALID" | "CONSIGNMENT_ITEM_UNKNOWN" | "CONSIGNMENT_OVERSOLD" | "SURVEY_INVALID" | "POLICY_VERSION_MISMATCH" | "EXCEEDS_APPROVED_DECISION" | "CUSTOMER_CHANNEL_FORBIDDEN" | "APPOINTMENT_CLASH" | "FIRST_RESPONSE_REQUIRED" | "LETTER_REQUIRED" | "PENALTY_OUTSIDE_BASIS" | "CALLER_NOT_QUALIFIED" | "VALIDATION_FAILED" | "BODY_TOO_DEEP" | "BAD_REQUEST" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "FORBIDDEN" | "AUDITOR_READ_ONLY" | "CASE_NOT_FOUND" | "USER_NOT_FOUND" | "NOT_FOUND" | "CONFLICT" | "USERNAME_TAKEN" | "CANNOT_DEACTIVATE_SELF" | "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_KEY_REUSED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_ATTEMPTS" | "INTERNAL";
            message: string;
            details: {
                /** @description 400 VALIDATION_FAILED: every bad field, by path (body.…, query.…, params.…) */
                issues?: {
                    /** @example body.customer.name */
                    path: string;
                    message: string;
                }[];
                /** @description 401 UNAUTHENTICATED: missing, invalid, expired or inactive */
                reason?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description the correlation id of the request (also in the logs) */
            requestId: string;
        };
        Absence: {
            id: string;
            userId: string;
            delegateUserId: string;
            startsAt: string;
            endsAt: string;
            reason: string | null;
            createdAt: string;
            cancelledAt: string | null;
            /** @description when the absent user’s claimed tasks were all handed to the delegate */
            handedOverAt: string | null;
            /** @enum {string} */
            state: "scheduled" | "active" | "ended" | "cancelled";
        };
        RecordedAbsence: components["schemas"]["Absence"] & {
            /** @description claimed tasks handed to the delegate now (an absence that has started) */
            handedOver: {
                taskId: string;
                caseNumber: string;
            }[];
        };
        RecordAbsenceRequest: {
            /**
             * Format: date-time
             * @example 2026-12-07T09:00:00+08:00
             */
            startsAt: string;
            /**
             * Format: date-time
             * @example 2026-12-11T18:00:00+08:00
             */
            endsAt: string;
            /**
             * Format: uuid
             * @description a user of the same department holding each of your working roles
             */
            delegateUserId: string;
            reason?: string;
        };
        PolicyVersionSummary: {
            version: number;
            name: string;
            effectiveFrom: string;
            publishedAt: string;
            /** @description user id of the admin (system for the default version 1) */
            publishedBy: string;
        };
        /** @description a whole policy document (version, name, effectiveFrom, calendar, deadlines, approvalMatrix, …; see libs/domain/src/policy/policy.schema.ts); version = the latest + 1 */
        PolicyDocument: {
            [key: string]: unknown;
        };
        PolicyVersion: components["schemas"]["PolicyVersionSummary"] & {
            document: components["schemas"]["PolicyDocument"];
        };
        PolicyDiff: {
            from: number;
            to: number;
            changes: {
                /** @example deadlines.complaint.close.unit */
                path: string;
                /** @description absent: the path was added */
                old?: unknown;
                /** @description absent: the path was removed */
                new?: unknown;
            }[];
        };
        OpenedCase: {
            caseNumber: string;
            policyVersion: number;
        };
        /** @description A customer complaint as sales records it (001 §25.1) */
        OpenComplaintRequest: {
            customer: {
                /** @description the customer (person or company) */
                name: string;
                /** @description shown in full only to those who work the case; masked elsewhere */
                phone?: string;
            };
            orderNumber: string;
            batchNumber: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            shipDate: string;
            /** @description the defect and the customer’s reasons (要求及理由) */
            defectDescription: string;
            /** @description defective units */
            quantity: number;
            /** @description what the customer asks for */
            demand: string;
            /**
             * @default phone
             * @enum {string}
             */
            channel: "phone" | "email" | "online" | "store";
            /**
             * @description attachment references
             * @default []
             */
            attachments: string[];
            /** @default  */
            salesOpinion: string;
            storeId?: string;
            /** @description the product’s spec (规格), e.g. model and capacity */
            productSpec?: string;
            /**
             * Format: date-time
             * @description when the problem occurred (发生时间), an ISO-8601 instant: not in the future, not before the ship date
             */
            occurredAt?: string;
        };
        CaseListItem: {
            caseNumber: string;
            type: string;
            status: string;
            stage: string;
            /** @description phone masked (138****8000) */
            customer: {
                name: string;
                phone: string | null;
            };
            orderNumber: string;
            overdue: boolean;
            /** @description ISO-8601 instant */
            openedAt: string;
            /** @description ISO-8601 instant */
            closingDueAt: string | null;
            /** @description ISO-8601 instant */
            closedAt: string | null;
        };
        CaseList: {
            items: components["schemas"]["CaseListItem"][];
            /** @description matching cases, counted up to 1,000 */
            total: number;
            /** @description more than 1,000 match: total is the cap */
            totalCapped: boolean;
        };
        TaskView: {
            /** @example KS202611-0001-T2 */
            taskId: string;
            caseNumber: string;
            type: string;
            stage: string;
            /** @enum {string|null} */
            candidateDepartment: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr" | null;
            candidateRoles: ("staff" | "supervisor" | "manager" | "vp" | "sales_vp" | "gm" | "auditor" | "admin")[];
            assignee: string | null;
            priority: number;
            /** @enum {string} */
            status: "open" | "claimed" | "completed" | "cancelled";
            /** @description the command types that complete the task */
            commands: string[];
            /** @description ISO-8601 instant */
            dueAt: string | null;
            dueProvisional: boolean;
            overdue: boolean;
            escalationLevel: number;
            escalatesTaskId: string | null;
            /** @description ISO-8601 instant */
            createdAt: string;
            /** @description ISO-8601 instant */
            completedAt: string | null;
            completedBy: string | null;
        };
        /** @description the workflow’s live state (null once gone) */
        LiveCaseView: {
            caseNumber: string;
            caseType: string;
            organisationId: string;
            policyVersion: number;
            status: string;
            /** @description the domain state of the case (per case type) */
            state: {
                [key: string]: unknown;
            };
            tasks: components["schemas"]["TaskView"][];
            overdueStages: string[];
            closingClock: {
                /** @description ISO-8601 instant */
                startedAt: string | null;
                /** @description ISO-8601 instant */
                dueAt: string | null;
                dueProvisional: boolean;
                /** @description ISO-8601 instant */
                closedAt: string | null;
                onTime: boolean | null;
            };
            parentCaseNumber: string | null;
            childCaseNumbers: string[];
            auditSeq: number;
            /** @description writes the database refused for good, and what the workflow did instead */
            writeIncidents: {
                code: string;
                at: string;
                message: string;
                auditKeys: string[];
                /** @enum {string} */
                resolution: "sanitised" | "dropped";
            }[];
        } | null;
        BusinessTimeLeft: {
            /** @description ISO-8601 instant */
            dueAt: string;
            /** @description working time from now to the deadline; negative: working time since it passed */
            remainingWorkingMs: number;
            provisional: boolean;
            /** @description false: the span reaches a year with no public-holiday table (weekends only) */
            calendarCovered: boolean;
            calendarWarning: string | null;
        } | null;
        CaseBusinessTime: {
            /** @description ISO-8601 instant */
            at: string;
            closing: components["schemas"]["BusinessTimeLeft"];
            /** @description by task id: the open tasks with a due */
            tasks: {
                [key: string]: components["schemas"]["BusinessTimeLeft"];
            };
        };
        CaseView: {
            storeId: string | null;
            caseNumber: string;
            status: string;
            stage: string;
            orderNumber: string;
            quantity: number | null;
            lossAmountFen: number | null;
            approvedAmountFen: number | null;
            classification: string | null;
            severity: string | null;
            method: string | null;
            overdue: boolean;
            overdueStages: string[];
            policyVersion: number;
            parentCaseNumber: string | null;
            childCaseNumbers: string[];
            /** @description ISO-8601 instant */
            openedAt: string;
            /** @description ISO-8601 instant */
            acceptedAt: string | null;
            /** @description ISO-8601 instant */
            closingDueAt: string | null;
            /** @description ISO-8601 instant */
            closedAt: string | null;
            closedOnTime: boolean | null;
            type: string;
            customer: {
                name: string;
                phone: string | null;
            };
            openedBy: string;
            defectDescription: string | null;
            tasks: components["schemas"]["TaskView"][];
            live: components["schemas"]["LiveCaseView"];
            businessTime: components["schemas"]["CaseBusinessTime"];
        };
        CustomerCaseView: {
            caseNumber: string;
            type: string;
            /** @enum {string} */
            progress: "received" | "in_progress" | "decided" | "closed";
            /** @description phone masked */
            customer: {
                name: string;
                phone: string | null;
            };
            orderNumber: string;
            defectDescription: string | null;
            quantity: number | null;
            /** @description ISO-8601 instant */
            openedAt: string;
            /** @description ISO-8601 instant */
            acceptedAt: string | null;
            /** @description ISO-8601 instant */
            closedAt: string | null;
            decision: {
                method: string;
                amountFen: number | null;
            } | null;
            notices: {
                /** @description ISO-8601 instant */
                at: string;
                stage: string;
                channel: string;
                message: string;
                /** @description ISO-8601 instant */
                expectedBy: string | null;
            }[];
        };
        Document: {
            docType: string;
            docNumber: string;
            revision: number;
            supersedesRevision: number | null;
            status: string;
            content: {
                [key: string]: unknown;
            };
            distribution: {
                department: string;
                copy: number;
            }[];
            signatures: {
                by: string;
                role: string;
                /** @description ISO-8601 instant */
                at: string;
            }[];
            /** @description ISO-8601 instant */
            updatedAt: string;
        };
        AuditEvent: {
            seq: number;
            /** @description ISO-8601 instant */
            occurredAt: string;
            actor: string;
            action: string;
            data: {
                [key: string]: unknown;
            };
            policyVersion: number | null;
            hash: string;
            prevHash: string;
        };
        AuditVerification: {
            valid: boolean;
            count: number;
            firstBrokenSeq?: number;
            /** @enum {string} */
            reason?: "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap";
            /** @enum {string} */
            against?: "history";
            /** @description with against=history: where the effective database content differs from history */
            disagreements?: {
                /** @enum {string} */
                kind: "audit_content_differs" | "audit_missing" | "audit_not_in_history" | "case_closed_at_differs" | "task_created_at_differs" | "task_missing";
                subject: string;
                history?: string | null;
                database?: string | null;
            }[];
        };
        CaseAsOf: {
            caseNumber: string;
            type: string;
            /** @description ISO-8601 instant */
            at: string;
            /** @description audit events at or before `at` */
            eventCount: number;
            totalEvents: number;
            lastEvent: {
                seq: number;
                action: string;
                actor: string;
                /** @description ISO-8601 instant */
                occurredAt: string;
            } | null;
            /** @description the domain state then: the trail’s domain events folded with the type’s evolve */
            state: {
                [key: string]: unknown;
            } | null;
            status: string | null;
            foldError: {
                seq: number;
                message: string;
            } | null;
            tasks: {
                taskId: string;
                type: string | null;
                stage: string | null;
                status: string;
                assignee: string | null;
                /** @description ISO-8601 instant */
                since: string;
            }[];
        };
        AuditExport: {
            caseNumber: string;
            /** Format: date-time */
            exportedAt: string;
            verification: components["schemas"]["AuditVerification"];
            actors: {
                [key: string]: {
                    username: string;
                    displayName: string;
                };
            };
            events: components["schemas"]["AuditEvent"][];
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            caseNumber: string;
            /** @enum {string} */
            kind: "photo" | "sample_record" | "scan" | "other";
            filename: string;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
            size: number;
            sha256: string;
            uploadedBy: string;
            /** Format: date-time */
            uploadedAt: string;
        };
        User: {
            /** Format: uuid */
            id: string;
            organisation: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            department: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
            roles: ("staff" | "supervisor" | "manager" | "vp" | "sales_vp" | "gm" | "auditor" | "admin")[];
            /** @description personal approval limit, fen */
            approvalLimitFen: number | null;
            /** @description F18 004 八.(一)3: trained and passed for (follow_up_caller: takes follow-up calls) */
            qualifications: "follow_up_caller"[];
        };
        Session: {
            /** @description HS256 JWT: send as Authorization: Bearer … */
            accessToken: string;
            /** @description opaque, single use: rotated by POST /auth/refresh */
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description seconds until the access token expires */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        LoginRequest: {
            /** @example demo */
            organisation: string;
            /** @example sales-01 */
            username: string;
            password: string;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        WebSession: {
            /** @description HS256 JWT: send as Authorization: Bearer … */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description seconds until the access token expires */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        OpenedConsignment: {
            /** @example DX202612-0001 */
            caseNumber: string;
            policyVersion: number;
            /** @description the 委托代销清单, printable at GET /cases/:n/documents */
            listNumber: string;
            items: {
                /** @example pf001李 */
                code: string;
                item: string;
                quantity: number;
                priceFen: number;
            }[];
            /** @description one label per unit */
            labels: {
                code: string;
                item: string;
                copies: number;
            }[];
            /** @enum {string} */
            status: "awaiting_signature" | "active";
        };
        OpenConsignmentBody: {
            consignor: {
                name: string;
                /** @description labels every item (K02): pf012李 */
                surname: string;
                phone?: string;
                customerId?: string;
            };
            /**
             * @description wholesale → pf, franchise → jm
             * @enum {string}
             */
            customerKind: "wholesale" | "franchise";
            goods: {
                item: string;
                quantity: number;
                /** @description the agreed price per unit, fen */
                priceFen: number;
            }[];
            terms: {
                /** @description commission in basis points of the proceeds (1500 = 15 %) */
                commissionBp: number;
                /**
                 * @description absent: the policy’s consignment.reportPeriod
                 * @enum {string}
                 */
                reportPeriod?: "monthly" | "quarterly";
                /**
                 * @description absent: the report period
                 * @enum {string}
                 */
                settlementPeriod?: "monthly" | "quarterly";
                durationMonths: number;
            };
            /** @description false: the quantities and the contract go to the customer for signature (K03) */
            customerPresent: boolean;
            storeId?: string;
        };
        OpenedFollowUp: {
            /** @example HF202612-0001 */
            caseNumber: string;
            policyVersion: number;
        };
        OpenFollowUpRequest: {
            /**
             * @description new customer, old (quarterly) or key (monthly)
             * @enum {string}
             */
            plan: "new_customer" | "old_customer" | "key_customer" | "opinion_survey" | "inactive_customer";
            /** @description what the call refers to: an order number or a customer account */
            planRef: string;
            customer: {
                name: string;
                /** @description shown in full only to those who work the case */
                phone?: string;
            };
            storeId?: string;
        };
        OpenedRepair: {
            /** @example WX202612-0001 */
            caseNumber: string;
            /**
             * @description the service voucher 服务凭证 drawn for it (001 §7)
             * @example FW202612-0001
             */
            voucherNumber: string;
            policyVersion: number;
        };
        ServiceRegisterEntry: {
            /** @description the customer (required for A–C; internal service D has none) */
            customerName: string;
            address: string;
            /** @description shown in full only to those who work the case */
            phone: string;
            productModel: string;
            spec: string;
            /** @description YYYY-MM-DD, a calendar date (may be empty for internal service D) */
            purchaseDate: string;
            purchasePlace: string;
            /** @enum {string} */
            serviceKind: "A" | "B" | "C" | "D";
            problem: string;
            /**
             * @description how CS took the request (001 §7)
             * @enum {string}
             */
            channel: "phone" | "document" | "store" | "online";
        };
        OpenRepairRequest: {
            entry: components["schemas"]["ServiceRegisterEntry"];
            /** @description the store that took the request */
            storeId?: string;
        };
        OpenedReturn: {
            /** @example TH202612-0001 */
            caseNumber: string;
            policyVersion: number;
            /** @description what the rules say (the supervisor still answers and approves) */
            eligibility: {
                /** @enum {string} */
                decision: "accept" | "exchange_only" | "remedy_first" | "may_refuse" | "refuse";
                decidedBy: {
                    /** @description the seed rule id (SEED_RULES.md) or DOMAIN.md decision */
                    rule: string;
                    code: string;
                    basis: string;
                    message: string;
                };
                /** @enum {string} */
                shippingPaidBy: "company" | "customer";
                withinWindow: boolean;
                windowEndsAt: string;
                missingParts: string[];
                reasons: {
                    /** @description the seed rule id (SEED_RULES.md) or DOMAIN.md decision */
                    rule: string;
                    code: string;
                    basis: string;
                    message: string;
                }[];
            } | null;
            settlement: {
                /** @enum {string} */
                kind: "price_difference" | "shipping_claim";
                refundFen: number;
                /** @enum {string} */
                offer: "none" | "gift_or_coupon" | "explanation";
                rule: string;
                basis: string;
            } | null;
        };
        OpenReturnRequest: {
            /**
             * @description return, exchange, price_difference (退差价) or shipping_claim (退换货 3)
             * @enum {string}
             */
            kind: "return" | "exchange" | "price_difference" | "shipping_claim";
            orderNumber: string;
            /**
             * @description the unit’s SN (required for a return or exchange, 001 篇3 一般售后 1)
             * @default
             */
            serialNumber: string;
            /**
             * @description the ground the rules judge
             * @enum {string}
             */
            reason: "quality_problem" | "dissatisfied" | "no_reason" | "wrong_item";
            /** @description the problem or the reason in the customer’s words */
            reasonText: string;
            /**
             * Format: date-time
             * @description when the customer asked (申请售后的时间)
             * @example 2026-12-09T10:00:00+08:00
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description when the goods were delivered (the 7-day window runs from it; goods only)
             * @example 2026-12-09T10:00:00+08:00
             */
            deliveredAt?: string;
            customer: {
                /** @description the customer account (旺旺号) */
                account: string;
                name: string;
                /** @description shown in full only to those who work the case */
                phone?: string;
            };
            /** @enum {string} */
            customerKind: "retail" | "wholesale" | "franchise";
            /**
             * @description on_site: returned at the counter (R25)
             * @enum {string}
             */
            channel: "phone" | "online" | "store" | "on_site";
            quantity: number;
            /**
             * @description the recorder was switched on (退换货 5)
             * @default false
             */
            poweredOn: boolean;
            /**
             * @description what comes back: packaging, accessories, warranty card, unit (退换货 4)
             * @default []
             */
            partsReturned: ("packaging" | "accessories" | "warranty_card" | "unit")[];
            /** @default false */
            qualityProblemConfirmed: boolean;
            /** @description dissatisfied: can the cause be remedied */
            remedyPossible?: boolean;
            /** @description wholesale: collected by the customer */
            selfPickup?: boolean;
            /** @description wholesale: the quality problem seen by video */
            videoChecked?: boolean;
            /** @description a replacement is in stock */
            replacementAvailable?: boolean;
            /** @description franchise: the contract’s return ratio and the period’s quantities */
            franchise?: {
                contractRatioPermille: number;
                periodPurchasedQuantity: number;
                periodReturnedQuantity: number;
            };
            priceDifference?: {
                /** @description fen (1/100 yuan) */
                paidUnitFen: number;
                /** @description fen (1/100 yuan) */
                newUnitFen: number;
                handedToCarrier: boolean;
            };
            shippingClaim?: {
                deliveredLate: boolean;
                wrongCarrier: boolean;
                /** @description fen (1/100 yuan) */
                postageDifferenceFen: number;
            };
            storeId?: string;
        };
        CaseType: {
            /** @enum {string} */
            type: "complaint" | "return" | "repair" | "consignment" | "followUp" | "review" | "improvement";
            /** @description the route that opens it (POST, with an optional Idempotency-Key) */
            path: string;
            /** @description the case number’s prefix (KS…, TH…, WX…, HF…, DX…) */
            prefix: string;
            labels: {
                "zh-CN": string;
                "en-US": string;
            };
            /** @description whether the caller may open one (the same rule the opening route applies) */
            mayOpen: boolean;
            /** @description files may be uploaded to the new case once it is opened */
            attachments: boolean;
            /** @description the JSON Schema of the request body (OpenAPI 3.0 dialect, every $ref inlined), generated from the zod schema the opening route validates with */
            schema: {
                [key: string]: unknown;
            };
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @description `ok`, or `down: <reason>` */
            postgres: string;
            /** @description `ok`, or `down: <reason>` */
            temporal: string;
        };
        StartedMonthlyReview: {
            /** @example YS202612-0001 */
            caseNumber: string;
            /** @example 2026-11 */
            month: string;
            /** @description false: this month’s review was already open (the schedule or an earlier start) */
            started: boolean;
        };
        StartMonthlyReviewRequest: {
            /**
             * @description the month to review; it must have ended (local time). The schedule reviews the month before its fire on the 1st
             * @example 2026-11
             */
            month: string;
        };
        MonthlyReviewSummary: {
            caseNumber: string;
            /** @example 2026-11 */
            month: string;
            /** @description reviewing, documents or closed */
            status: string;
            /** @description review, announcement, noticeApproval, deduction or closed */
            stage: string;
            openedAt: string;
            /** @description `system` when the schedule opened it */
            openedBy: string;
            /** @description Decision 6: 18:00 on the last working day before the 10th of the next month */
            dueAt: string | null;
            closedAt: string | null;
            reviewedOnTime: boolean | null;
            overdue: boolean;
            /** @description the month’s closed complaints reviewed */
            sourceComplaints: string[];
            /** @description the 奖罚通知单’s total */
            totalDeductionFen: number | null;
            /** @description the total once the GM approved */
            approvedDeductionFen: number | null;
        };
        StaffRating: {
            staffId: string;
            /** @description recorded follow-up calls whose survey rates this person */
            calls: number;
            /** @description mean survey total / maximum, 0–1 */
            scoreRate: number;
            /** @description per 001 §17 item (attitude, skill, arrival_time, promises_kept): grade → count */
            items: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            followUps: string[];
        };
        MonthlyReview: components["schemas"]["MonthlyReviewSummary"] & {
            /** @description 人事公布单 (personnel_announcement) and 奖罚通知单 (reward_penalty_notice) */
            documents: components["schemas"]["Document"][];
            /** @description the month’s appraisal data (000 §六.2: appraised in the first ten days after) */
            appraisal: {
                basis: string;
                /** @description 001 §15 (M04): customers’ ratings of service staff from the follow-up surveys of the cases closed in the month (the calls are made days after the close) */
                staffRatings: components["schemas"]["StaffRating"][];
            };
        };
        OpenApiDocument: {
            openapi: string;
            info: Record<string, never>;
            paths: {
                [key: string]: unknown;
            };
        };
        OpenedImprovement: {
            /** @example GJ202612-0001 */
            caseNumber: string;
            policyVersion: number;
        };
        OpenImprovementRequest: {
            /** @description the analysed month the measure answers */
            analysisMonth: string;
            /** @description the shortfall found, e.g. "attitude: 2 of 2 below satisfied" */
            finding: string;
            /** @description the follow-up calls the finding rests on */
            followUps?: string[];
            /** @description what is to be done */
            measure: string;
            /** @description 改进目标: what counts as achieved */
            goal: string;
            /** @description 责任人: an active user of the organisation; the department is their record’s */
            owner: {
                /** Format: uuid */
                userId: string;
            };
            /** @description 完成时间: due 18:00 on the last working day on or before it */
            dueDate: string;
        };
        FollowUpPlanCustomer: {
            customerRef: string;
            name: string;
            /** @description masked (138****8000) */
            phone: string | null;
            /** @enum {string} */
            kind: "new" | "old" | "key";
            purchaseDate: string | null;
            storeId: string | null;
            lastPurchaseOn?: string | null;
        };
        FollowUpPlan: {
            /** @description the plan of the current policy version (who, what, when; F01) */
            rules: {
                newCustomer: {
                    firstCall: {
                        amount: number;
                        unit: string;
                    };
                    secondCall: {
                        amount: number;
                        unit: string;
                    };
                };
                oldCustomer: {
                    everyMonths: number;
                };
                keyCustomer: {
                    everyMonths: number;
                };
                /** @enum {string} */
                source: "seed" | "default";
                basis: string;
            };
            /** @description F02 004 三.(一)2: customers with no purchase for afterDays, called once per period */
            inactiveCustomers: {
                afterDays: number;
                callWithin: {
                    amount: number;
                    unit: string;
                };
                /** @enum {string} */
                source: "seed" | "default";
                basis: string;
            };
            policyVersion: number;
            /** @example 2026-12-07 */
            date: string;
            /** @description false: the daily run opens nothing that day */
            workingDay: boolean;
            customers: components["schemas"]["FollowUpPlanCustomer"][];
            /** @description the calls the plan makes on `date` */
            due: {
                customerRef: string;
                /** @enum {string} */
                plan: "new_customer" | "old_customer" | "key_customer" | "opinion_survey" | "inactive_customer";
                /** @description one HF case per customer and period */
                period: string;
                dueDate: string;
            }[];
        };
        SavedFollowUpPlanCustomer: {
            customer: components["schemas"]["FollowUpPlanCustomer"];
            created: boolean;
        };
        FollowUpPlanCustomerRequest: {
            /** @description the customer’s account or reference (one entry each) */
            customerRef: string;
            name: string;
            /** @description shown in full only to those who call */
            phone?: string | null;
            /**
             * @description new (after a purchase), old (quarterly), key (monthly)
             * @enum {string}
             */
            kind: "new" | "old" | "key";
            /**
             * @description required for a new customer: the calls count from it (F06 004 五.(一))
             * @example 2026-12-07
             */
            purchaseDate?: string | null;
            storeId?: string | null;
            /**
             * @description F02 004 三.(一)2: the last purchase (local date, not in the future); no purchase for the policy’s period → a long-inactive call
             * @example 2026-12-07
             */
            lastPurchaseOn?: string | null;
        };
        FollowUpPlanRun: {
            /** @example 2026-12-07 */
            date: string;
            workingDay: boolean;
            opened: {
                caseNumber: string;
                customerRef: string;
                plan: string;
                period: string;
            }[];
            /** @description calls of the day an earlier run had opened */
            alreadyOpen: string[];
        };
        FollowUpPlanRunRequest: {
            /**
             * @description the day to run, today or before (local time)
             * @example 2026-12-07
             */
            date: string;
        };
        SurveyCampaignRequest: {
            /** @description the campaign: one call per customer and campaign, however often it is started */
            campaignId: string;
            /** @description the chosen customers of the follow-up register */
            customerRefs: string[];
            /** @description each call is due this many working days after the start (default 5) */
            withinWorkingDays?: number;
        };
        FollowUpAnalysisReport: {
            organisation: string;
            /** @enum {string} */
            timeZone: "Asia/Shanghai";
            basis: string;
            /** Format: date-time */
            generatedAt: string;
            /** @description YYYY-MM */
            month: string;
            calls: {
                /** @description follow-up cases opened in the month */
                cases: number;
                /** @description dialled: the failed attempts and the calls made */
                attempts: number;
                reached: number;
                unreachable: number;
                /** @description not reached yet */
                pending: number;
                reachRate: number | null;
                /** @description followed case type or plan → cases */
                bySource: {
                    [key: string]: number;
                };
            };
            satisfaction: {
                surveyed: number;
                /** @description 001 §17 grade → answers */
                grades: {
                    [key: string]: number;
                };
                scoreRate: number | null;
                dissatisfiedCalls: number;
                items: {
                    item: string;
                    answered: number;
                    grades: {
                        [key: string]: number;
                    };
                    belowSatisfied: number;
                    belowSatisfiedRate: number | null;
                    followUps: string[];
                }[];
            };
            /** @description the items rated below satisfied, worst share first (不足之处) */
            shortfalls: {
                item: string;
                belowSatisfied: number;
                answered: number;
                rate: number;
            }[];
            problems: {
                total: number;
                open: number;
                resolved: number;
                byCategory: {
                    category: string;
                    count: number;
                    open: number;
                }[];
                byDepartment: {
                    department: string;
                    count: number;
                    open: number;
                }[];
            };
            complaints: {
                followUpNumber: string;
                complaintNumber: string | null;
                followedCaseNumber: string | null;
            }[];
            measures: {
                caseNumber: string;
                measure: string;
                status: string;
                stage: string;
                department: string | null;
                ownerId: string | null;
                dueAt: string | null;
                overdue: boolean;
                closedAt: string | null;
                closedOnTime: boolean | null;
            }[];
        };
        /** @description resolved on the spot / resolved (001 §8) */
        Ratio: {
            numerator: number;
            denominator: number;
            rate: number | null;
        };
        RepairKpiReport: {
            organisation: string;
            period: {
                from: string;
                to: string;
                /** @enum {string} */
                timeZone: "Asia/Shanghai";
                /** Format: date-time */
                fromInstant: string;
                /** Format: date-time */
                toInstantExclusive: string;
            };
            /** Format: date-time */
            generatedAt: string;
            repairs: {
                /** @description repairs opened in the period */
                opened: number;
            };
            /** @description request → technician first assigned, in working hours (business calendar) */
            dispatch: {
                dispatched: number;
                undispatched: number;
                totalWorkingHours: number;
                meanWorkingHours: number | null;
                provisional: number;
            };
            onSiteResolution: components["schemas"]["Ratio"];
            firstVisitResolution: components["schemas"]["Ratio"] & unknown;
            /** @description handed to the external repairer → back, calendar days (002 ch.10 2) */
            externalRepair: {
                returned: number;
                totalDays: number;
                meanDays: number | null;
            };
            /** @description fees invoiced and collected, fen (001 §9) */
            fees: {
                invoicedFen: number;
                collectedFen: number;
                collectedOfInvoiced: components["schemas"]["Ratio"];
            };
        };
        FollowUpKpiReport: {
            organisation: string;
            period: {
                from: string;
                to: string;
                /** @enum {string} */
                timeZone: "Asia/Shanghai";
                /** Format: date-time */
                fromInstant: string;
                /** Format: date-time */
                toInstantExclusive: string;
            };
            /** Format: date-time */
            generatedAt: string;
            total: {
                cases: number;
                closed: number;
                /** @description closed with the customer reached ÷ closed */
                completionRate: number | null;
                /** @description records approved at their first review ÷ records reviewed */
                recordQualityRate: number | null;
                /** @description 001 §17 grade → answers */
                satisfaction: {
                    [key: string]: number;
                };
                dissatisfied: number;
                unreachable: number;
            };
            byMonth: {
                cases: number;
                closed: number;
                /** @description closed with the customer reached ÷ closed */
                completionRate: number | null;
                /** @description records approved at their first review ÷ records reviewed */
                recordQualityRate: number | null;
                /** @description 001 §17 grade → answers */
                satisfaction: {
                    [key: string]: number;
                };
                dissatisfied: number;
                unreachable: number;
                /** @description YYYY-MM */
                month: string;
            }[];
        };
        IndicatorReport: {
            /** @enum {string} */
            id: "complaint_resolution" | "on_time_closing" | "resolved_within_24h" | "first_response_within_24h" | "complaint_rate";
            name: string;
            definition: string;
            formula: string;
            /** @enum {string} */
            unit: "ratio";
            target: {
                /** @enum {string} */
                comparison: "at_least" | "more_than" | "at_most";
                value: number;
                /** @enum {string} */
                source: "seed" | "default";
                basis: string;
            };
            basis: string;
            total: components["schemas"]["Ratio"] & {
                meetsTarget: boolean | null;
            };
            /** @description every month of the period, in order */
            byMonth: (components["schemas"]["Ratio"] & {
                /** @description YYYY-MM (Asia/Shanghai) */
                month: string;
                /** @description null: no figure that month */
                meetsTarget: boolean | null;
            })[];
        };
        KpiReport: {
            organisation: string;
            period: {
                from: string;
                to: string;
                /** @enum {string} */
                timeZone: "Asia/Shanghai";
                /** Format: date-time */
                fromInstant: string;
                /** Format: date-time */
                toInstantExclusive: string;
            };
            /** Format: date-time */
            generatedAt: string;
            complaintResolution: components["schemas"]["Ratio"];
            onTimeClosing: components["schemas"]["Ratio"];
            overdue: {
                byDepartment: {
                    department: string | null;
                    openOverdueTasks: number;
                }[];
                openOverdueTasks: number;
                casesWithOverdueStages: components["schemas"]["Ratio"];
            };
            firstResponse: {
                totalHours: number;
                responded: number;
                pending: number;
                meanHours: number | null;
            };
            returnReconciliationMismatch: components["schemas"]["Ratio"] & {
                mismatchEvents: number;
            };
            indicators: components["schemas"]["IndicatorReport"][];
        };
        SalesVolume: {
            month: string;
            units: number;
            orders: number | null;
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description false: an earlier entry of the month was replaced */
            created: boolean;
        };
        SalesVolumeBody: {
            /** @description units sold in the month */
            units: number;
            orders?: number | null;
        };
        ServiceAppraisalReport: {
            organisation: string;
            /** @enum {string} */
            timeZone: "Asia/Shanghai";
            basis: string;
            /** Format: date-time */
            generatedAt: string;
            year: string;
            months: {
                /** @description YYYY-MM, YYYY-Qn or YYYY */
                period: string;
                calls: number;
                staff: components["schemas"]["StaffRating"][];
            }[];
            quarters: {
                /** @description YYYY-MM, YYYY-Qn or YYYY */
                period: string;
                calls: number;
                staff: components["schemas"]["StaffRating"][];
            }[];
            total: {
                /** @description YYYY-MM, YYYY-Qn or YYYY */
                period: string;
                calls: number;
                staff: components["schemas"]["StaffRating"][];
            };
        };
        SupervisionLedger: {
            organisation: string;
            /** @enum {string} */
            timeZone: "Asia/Shanghai";
            /** @description YYYY-MM */
            month: string;
            basis: string;
            /** Format: date-time */
            generatedAt: string;
            /** @description records drawn for a re-check */
            drawn: number;
            checked: number;
            inconsistent: number;
            entries: {
                caseNumber: string;
                customer: string;
                caller: string | null;
                calledAt: string | null;
                /** @description the random draw in [0, 1) that selected the record */
                draw: number | null;
                checker: string | null;
                checkedAt: string | null;
                /** @enum {string} */
                result: "consistent" | "inconsistent" | "pending";
                note: string;
                problems: {
                    /** @enum {string} */
                    source: "spot_check" | "review";
                    description: string;
                    department: string | null;
                    ownerId: string | null;
                    handling: string | null;
                    handledAt: string | null;
                }[];
            }[];
        };
        InboxItem: components["schemas"]["TaskView"] & {
            /** @description null while the case’s read model is not written */
            caseType: string | null;
            customer: {
                name: string;
                /** @description masked */
                phone: string | null;
            } | null;
            /** @description working time (ms) from now to dueAt on the case’s policy calendar; negative when overdue; null without dueAt */
            remainingBusinessMs: number | null;
        };
        Inbox: {
            items: components["schemas"]["InboxItem"][];
            /** @description tasks in the inbox, counted up to 1,000 */
            total: number;
            /** @description more than 1,000: total is the cap (show "1,000+") */
            totalCapped: boolean;
            /** @description send as `after` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Board: {
            /** @enum {string} */
            department: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
            /** @description open and claimed tasks, overdue first, then by due */
            items: components["schemas"]["TaskView"][];
            /** @description the department’s active users: assignees and delegation targets */
            people: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                roles: ("staff" | "supervisor" | "manager" | "vp" | "sales_vp" | "gm" | "auditor" | "admin")[];
            }[];
        };
        DelegateTaskRequest: {
            to: {
                /** Format: uuid */
                userId: string;
            };
        };
        DelegateCandidate: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            department: string;
            roles: string[];
        };
        DelegateCandidates: {
            items: components["schemas"]["DelegateCandidate"][];
        };
        CompleteTaskResult: {
            taskId: string;
            /** @description the domain events the command produced, by type */
            events: string[];
            /** @description the case status afterwards */
            status: string;
        };
        /** @description Sales’ first response to the customer (24 h) */
        RecordFirstResponseCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordFirstResponse";
            /** @enum {string} */
            channel: "phone" | "email" | "online" | "store" | "letter";
            summary: string;
        };
        /** @description CS registers and classifies the complaint */
        RegisterComplaintCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RegisterComplaint";
            /** @enum {string} */
            cause: "product_quality" | "transport" | "handling" | "wrong_item" | "service" | "other";
            /** @enum {string} */
            severity: "general" | "severe";
            /** @description handling deadlines by stage, set by CS on the form (001 §25.2) */
            formDeadlines?: {
                firstResponse?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                registration?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                severeReview?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                investigationReport?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                reportReview?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                proposal?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                approval?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                customerResponse?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                execution?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                improvement?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                close?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                ownerAssignment?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                storeResult?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
                supplierCoordination?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "business_hours" | "calendar_hours";
                };
            };
        };
        /** @description The VP’s review of a severe complaint */
        CompleteSevereReviewCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CompleteSevereReview";
            remarks: string;
        };
        /** @description The investigating department’s report */
        SubmitInvestigationReportCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SubmitInvestigationReport";
            report: {
                /** @enum {string} */
                cause: "product_quality" | "transport" | "handling" | "wrong_item" | "service" | "other";
                findings: string;
                qualityClaimVerified: boolean;
                responsibleUnit: string;
                responsiblePersons: string[];
                correctiveAction: string;
                externalParty: string | null;
            };
        };
        /** @description Approve the investigation report */
        ApproveInvestigationReportCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApproveInvestigationReport";
            remarks?: string;
        };
        /** @description Send the report back */
        ReturnInvestigationReportCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ReturnInvestigationReport";
            reason: string;
        };
        /** @description CS proposes the handling decision (客户投诉处理表) */
        ProposeResolutionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ProposeResolution";
            responsibleUnit: string;
            responsiblePersons: string[];
            /** @enum {string} */
            method: "discount" | "compensation" | "return" | "rework" | "exchange" | "repair" | "resupply" | "apology" | "not_established";
            trackImprovement: boolean;
            humanNegligence: boolean;
            lossBasis: {
                /** @description fen (1/100 yuan) */
                unitCostFen: number;
                quantity: number;
                /** @description fen (1/100 yuan) */
                freightFen: number;
                /** @description fen (1/100 yuan) */
                handlingFen: number;
                /** @description fen (1/100 yuan) */
                compensationFen: number;
            };
            penalties: {
                personId: string;
                /** @enum {string} */
                kind: "warning" | "demerit" | "fine" | "bonus_deduction";
                /** @description fen (1/100 yuan) */
                amountFen: number;
            }[];
            /** @description required for return, rework and exchange */
            approvedReturnQuantity?: number;
            notes?: string;
        };
        /** @description Sign the decision (the approver’s personal limit comes from their user record) */
        ApproveResolutionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApproveResolution";
        };
        /** @description Send the decision back to CS */
        SendBackResolutionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SendBackResolution";
            reason: string;
        };
        /** @description The customer accepted or rejected the decision */
        RecordCustomerResponseCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCustomerResponse";
            accepted: boolean;
            /** @enum {string} */
            via: "letter" | "phone";
            note?: string;
        };
        /** @description Sales issues the discount certificate */
        IssueDiscountCertificateCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "IssueDiscountCertificate";
            certificateNumber: string;
            /** @description fen (1/100 yuan) */
            amountFen: number;
        };
        /** @description The sales VP signs the certificate */
        SignDiscountCertificateCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SignDiscountCertificate";
        };
        /** @description The customer signed the certificate */
        RecordCertificateCustomerSignatureCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCertificateCustomerSignature";
        };
        /** @description Finance books the certificate */
        BookDiscountCertificateCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "BookDiscountCertificate";
        };
        /** @description The receivable was collected */
        RecordReceivableCollectedCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordReceivableCollected";
        };
        /** @description Petition to waive the receivable */
        FilePetitionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "FilePetition";
            reason: string;
        };
        /** @description Decide the petition */
        DecidePetitionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DecidePetition";
            /** @enum {string} */
            decision: "collect" | "waive";
            remarks?: string;
        };
        /** @description The resupply was shipped */
        RecordResupplyShippedCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordResupplyShipped";
        };
        /** @description CS writes the service register entry (服务登记簿, 001 §7) of a complaint decided as repair; the WX repair case then starts as its child */
        RegisterRepairCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RegisterRepair";
            address: string;
            productModel: string;
            spec: string;
            /** @description YYYY-MM-DD */
            purchaseDate: string;
            purchasePlace: string;
            /**
             * @description 001 §6: A paid, B contract, C free (D, internal, has no customer: refused)
             * @enum {string}
             */
            serviceKind: "A" | "B" | "C" | "D";
            /** @description default: the complaint’s customer */
            customerName?: string;
            /** @description default: the complaint’s customer phone */
            phone?: string;
            /** @description default: the complaint’s reasons */
            problem?: string;
        };
        /** @description Confirm the improvement’s effect */
        ConfirmImprovementEffectCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConfirmImprovementEffect";
            effect: string;
        };
        /** @description CS closes the complaint */
        CloseComplaintCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CloseComplaint";
            /** @description C29 000 §三.7; 003 §四.3: the summary analysis (required from policy v2 on) */
            summary?: string;
            /** @description C29: the preventive measure (required from policy v2 on) */
            preventiveMeasure?: string;
        };
        /** @description C11 001 §20: the CS manager handles the complaint personally or names its owner */
        AssignComplaintOwnerCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "AssignComplaintOwner";
            /** @description the CS manager themself = personal handling */
            ownerId: string;
        };
        /** @description Decision 3 000 §三.6: the handling result reached the store-channel customer (48 h) */
        RecordStoreResultCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordStoreResult";
            /** @enum {string} */
            channel: "phone" | "store" | "letter";
            summary: string;
        };
        /** @description Decision 5 001 §25.7: CS concluded the joint handling with the responsible external party */
        RecordSupplierCoordinationCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordSupplierCoordination";
            outcome: string;
        };
        /** @description The supervisor answers the problem first and records status and result (001 篇3 一般售后 1–2); resolved closes the case without a return */
        RecordSupervisorAnswerCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordSupervisorAnswer";
            answer: string;
            resolved: boolean;
        };
        /** @description Approve a return request */
        ApproveReturnRequestCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApproveReturnRequest";
            discretionNote?: string;
        };
        /** @description Reject a return request */
        RejectReturnRequestCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RejectReturnRequest";
            reason: string;
        };
        /** @description Sales fills in the return slip of a complaint-origin return: reason, handling method, basis (001 §29.1(2)) */
        FillReturnSlipCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "FillReturnSlip";
            /** @description 退货原因 the return reason */
            reason: string;
            /**
             * @description 处理方式: the complaint decision’s method
             * @enum {string}
             */
            method: "refund" | "exchange" | "rework";
            /** @description 依据 the basis, e.g. the complaint decision and its revision */
            basis: string;
        };
        /** @description On-site return: the handler and the customer sign the printed return slip (002 点货 ch.5 1B) */
        SignOnSiteSlipCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SignOnSiteSlip";
            customerSignature: string;
        };
        /** @description On-site return: the department manager signs the return slip (002 点货 ch.5 1B) */
        CountersignOnSiteSlipCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CountersignOnSiteSlip";
        };
        /** @description Approve the return slip (产品退货单) */
        ApproveReturnSlipCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApproveReturnSlip";
        };
        /** @description The warehouse checks and receives the returned goods */
        ReceiveGoodsCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ReceiveGoods";
            quantity: number;
            complete: boolean;
            undamaged: boolean;
            /** @enum {string} */
            mode?: "initial" | "additional" | "recount";
            note?: string;
        };
        /** @description Finance reconciles quantities */
        ReconcileCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "Reconcile";
            voucherNumber: string;
        };
        /** @description Resolve a reconciliation mismatch */
        ResolveMismatchCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ResolveMismatch";
            /** @enum {string} */
            resolution: "await_remaining_goods" | "recount";
            note: string;
        };
        /** @description Finance records the refund */
        RecordRefundCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordRefund";
            /** @description fen (1/100 yuan) */
            amountFen: number;
        };
        /** @description The replacement was shipped */
        RecordReshipmentCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordReshipment";
            shipmentNumber: string;
        };
        /** @description The manager / VP acknowledges an escalation task (a missed deadline) */
        AcknowledgeEscalationCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "AcknowledgeEscalation";
        };
        /** @description The repair child finished (recorded by hand until repairs run as workflows) */
        RecordRepairCompletedCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordRepairCompleted";
            outcome: string;
        };
        /** @description The tech department manager dispatches a technician (001 §7). The technician’s other bookings come from the server’s appointment register */
        DispatchTechnicianCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DispatchTechnician";
            technicianId: string;
            /** @description a time slot [start, end) */
            slot: {
                /** @description epoch ms */
                start: number;
                /** @description epoch ms */
                end: number;
            };
            outOfTown: boolean;
        };
        /** @description Move the visit to another slot. The technician’s other bookings come from the server’s appointment register */
        RescheduleVisitCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RescheduleVisit";
            /** @description a time slot [start, end) */
            slot: {
                /** @description epoch ms */
                start: number;
                /** @description epoch ms */
                end: number;
            };
        };
        /** @description The technician applies for out-of-town service (异地服务申请单, 001 §12) */
        ApplyOutOfTownCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApplyOutOfTown";
            destination: string;
            reason: string;
            /** @description fen (1/100 yuan) */
            estimatedCostFen: number;
        };
        /** @description The department manager approves or rejects the out-of-town application */
        DecideOutOfTownCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DecideOutOfTown";
            approve: boolean;
            remarks?: string;
        };
        /** @description The technician starts the visit */
        StartVisitCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "StartVisit";
        };
        /** @description Actual service time and content (001 §8, §10) */
        RecordVisitCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordVisit";
            /** @description epoch ms */
            actualStart: number;
            /** @description epoch ms */
            actualEnd: number;
            content: string;
            resolvedOnSite: boolean;
            /** @description fen (1/100 yuan) */
            feeFen?: number;
            /** @description fen (1/100 yuan) */
            collectedOnSiteFen?: number;
        };
        /** @description Travel and allowances as service cost (001 §12) */
        RecordServiceCostCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordServiceCost";
            kind: string;
            /** @description fen (1/100 yuan) */
            amountFen: number;
            note?: string;
        };
        /** @description The item is taken in against a receipt (收条, 002 ch.10 4) */
        AcceptWorkshopItemCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "AcceptWorkshopItem";
            receiptNumber: string;
            itemCode: string;
            itemClass: string;
            partToRepair: string;
            customerName: string;
            photo: string;
        };
        /** @description In-house repair (002 ch.10 1) */
        RecordWorkshopRepairCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordWorkshopRepair";
            repaired: boolean;
            note: string;
            /** @description fen (1/100 yuan) */
            feeFen?: number;
        };
        /** @description Hand the item to the external repairer (交接单, 002 ch.10 2, 4) */
        SendToExternalRepairCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SendToExternalRepair";
            repairer: string;
            handoverSheetNumber: string;
            customerInformed: boolean;
        };
        /** @description The item is back from the external repairer */
        RecordExternalReturnCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordExternalReturn";
            repaired: boolean;
            note: string;
            /** @description fen (1/100 yuan) */
            feeFen?: number;
        };
        /** @description Sort what came back (002 ch.10 5) */
        SortReturnedItemCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SortReturnedItem";
        };
        /** @description The customer was called */
        RecordCustomerCalledCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCustomerCalled";
            note?: string;
        };
        /** @description The item was shipped to the customer */
        RecordItemShippedCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordItemShipped";
            shipment: string;
        };
        /** @description The customer signed the service voucher */
        RecordCustomerSignatureCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCustomerSignature";
            signedBy: string;
        };
        /** @description The department manager countersigns the service voucher */
        CountersignVoucherCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CountersignVoucher";
            remarks?: string;
        };
        /** @description CS records the service in the register and files the voucher */
        FileVoucherCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "FileVoucher";
        };
        /** @description Finance receives the cash collected on the spot and mails the invoice (001 §9) */
        ConfirmCashAndMailInvoiceCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConfirmCashAndMailInvoice";
            /** @description fen (1/100 yuan) */
            receivedFen: number;
            invoiceNumber: string;
        };
        /** @description Finance invoices from the voucher (001 §9) */
        IssueInvoiceCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "IssueInvoice";
            invoiceNumber: string;
        };
        /** @description Finance collected the invoiced fee */
        RecordFeeCollectedCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordFeeCollected";
            /** @description fen (1/100 yuan) */
            amountFen: number;
        };
        /** @description CS closes the repair (the survey follows, 001 §16) */
        CloseRepairCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CloseRepair";
        };
        /** @description The customer could not be reached (retry per policy, then unreachable) */
        RecordCallAttemptCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCallAttempt";
            note: string;
        };
        /** @description The call record (004 三.(二)–(四)) and the survey (001 §17) */
        RecordCallCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordCall";
            identityConfirmed: boolean;
            purposeStated: boolean;
            /** @description script question code → the customer’s answer */
            answers: {
                [key: string]: string;
            };
            /** @description 001 §17 item code → grade code */
            survey?: {
                [key: string]: string;
            };
            remarks?: string;
            /** @description 004 六.(五): the script’s closing was said; required when the case has one */
            closingSaid?: boolean;
        };
        /** @description The store head / CS supervisor reviews the record (004 三.(四)); problems go to their owners (三.(五)) */
        ReviewCallRecordCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ReviewCallRecord";
            approve: boolean;
            comment?: string;
            /** @description F05 004 三.(五): problems found, each sent to a department’s owner */
            problems?: {
                category: string;
                description: string;
                /** @enum {string} */
                department: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
                ownerId: string;
                /**
                 * Format: date-time
                 * @description ISO instant the owner’s result is due
                 */
                deadline: string;
            }[];
        };
        /** @description The owner records a dispatched problem’s result (004 三.(五)) */
        RecordProblemResultCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordProblemResult";
            ref: string;
            result: string;
        };
        /** @description CS tells the customer the results and confirms their satisfaction (004 三.(五)) */
        ConfirmCustomerSatisfactionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConfirmCustomerSatisfaction";
            satisfied: boolean;
            note?: string;
        };
        /** @description A dissatisfied customer: the intake of the new complaint linked to the old case */
        OpenLinkedComplaintCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "OpenLinkedComplaint";
            intake: {
                customerName: string;
                orderNumber: string;
                batchNumber: string;
                shipDate: string;
                defectiveQuantity: number;
                demand: string;
                reasons: string;
                /** @enum {string} */
                channel: "phone" | "email" | "online" | "store";
                attachments: string[];
                salesOpinion: string;
                productSpec?: string;
                /**
                 * Format: date-time
                 * @description when the problem occurred (发生时间), an ISO-8601 instant
                 */
                occurredAt?: string;
            };
        };
        /** @description CS supervision re-checks a sampled record (004 七.(二)) */
        RecordSpotCheckCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordSpotCheck";
            consistent: boolean;
            note?: string;
        };
        /** @description Sales records the customer’s signature of the quantities and the contract (002 ch.12 2) */
        RecordSignatureCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordSignature";
            signatory: string;
        };
        /** @description Sales records sales item by item by code (002 ch.12 3); the task stays open */
        RecordSalesCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordSales";
            /** @description one sale, or a day’s sales as a batch */
            sales: {
                /** @description the sale’s own id: recording it again changes nothing */
                saleId: string;
                /** @description the item code on its label (K02), e.g. pf012李 */
                code: string;
                quantity: number;
                /** Format: date-time */
                soldAt?: string;
            }[];
        };
        /** @description The consignor asks for the unsold goods back: the term ends now */
        RequestReturnCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RequestReturn";
            reason: string;
        };
        /** @description Sales sent the period’s sales report to the consignor (002 ch.12 3 定期与客户汇报销售情况) */
        MarkReportSentCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "MarkReportSent";
            period: number;
            channel: string;
        };
        /** @description Finance settles the proceeds minus the commission */
        SettlePeriodCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SettlePeriod";
            settlement: number;
            voucherRef: string;
        };
        /** @description The warehouse receives the unsold goods, checked against the 委托代销清单 */
        RecordReturnReceiptCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordReturnReceipt";
            lines: {
                /** @description the item code on its label (K02), e.g. pf012李 */
                code: string;
                quantity: number;
            }[];
            /** @description required when the goods differ from the list */
            note?: string;
        };
        /** @description The GM office reviews last month’s closed complaints (001 §28) */
        ConfirmReviewCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConfirmReview";
            /** @description each administrative penalty confirmed for the 人事公布单, or dropped with a reason */
            administrative: {
                /** @description a penalty of a reviewed complaint: <complaint number>#<index of its penalties> */
                ref: string;
                confirm: boolean;
                reason?: string;
            }[];
            /** @description each bonus deduction with its responsible unit, assigned by cause (001 §28.2) */
            deductions: {
                /** @description a penalty of a reviewed complaint: <complaint number>#<index of its penalties> */
                ref: string;
                responsibleUnit: string;
            }[];
        };
        /** @description HR publishes the personnel announcement 人事公布单 (001 §28.1) */
        PublishAnnouncementCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "PublishAnnouncement";
            note?: string;
        };
        /** @description The GM approves the reward/penalty notice 奖罚通知单, or sends it back (001 §28.2) */
        ApproveNoticeCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApproveNotice";
            approve: boolean;
            reason?: string;
        };
        /** @description HR applies the approved deductions (001 §28.2 执行罚扣) */
        ApplyDeductionsCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ApplyDeductions";
            payrollRef: string;
        };
        /** @description The GM office issues the annual appraisal 年度考核 with its conclusion (000 §六.2) */
        IssueAnnualAppraisalCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "IssueAnnualAppraisal";
            summary: string;
        };
        /** @description The measure’s owner records its result (003 §四.4 改进措施制定与实施) */
        RecordImprovementResultCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RecordImprovementResult";
            /** @description what was done and what it achieved against the goal */
            result: string;
        };
        /** @description CS checks the measure’s effect (003 §四.4 跟踪评估) and closes it, or sends it back */
        CheckImprovementCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CheckImprovement";
            /** @description the goal is met: the measure is closed */
            effective: boolean;
            note?: string;
            /** @description not yet effective: the new completion date, back to the owner */
            newDueDate?: string;
        };
        /** @description The command that completes the task: its `type` must be one of the task’s `commands` */
        TaskCommand: components["schemas"]["RecordFirstResponseCommand"] | components["schemas"]["RegisterComplaintCommand"] | components["schemas"]["CompleteSevereReviewCommand"] | components["schemas"]["SubmitInvestigationReportCommand"] | components["schemas"]["ApproveInvestigationReportCommand"] | components["schemas"]["ReturnInvestigationReportCommand"] | components["schemas"]["ProposeResolutionCommand"] | components["schemas"]["ApproveResolutionCommand"] | components["schemas"]["SendBackResolutionCommand"] | components["schemas"]["RecordCustomerResponseCommand"] | components["schemas"]["IssueDiscountCertificateCommand"] | components["schemas"]["SignDiscountCertificateCommand"] | components["schemas"]["RecordCertificateCustomerSignatureCommand"] | components["schemas"]["BookDiscountCertificateCommand"] | components["schemas"]["RecordReceivableCollectedCommand"] | components["schemas"]["FilePetitionCommand"] | components["schemas"]["DecidePetitionCommand"] | components["schemas"]["RecordResupplyShippedCommand"] | components["schemas"]["RegisterRepairCommand"] | components["schemas"]["ConfirmImprovementEffectCommand"] | components["schemas"]["CloseComplaintCommand"] | components["schemas"]["AssignComplaintOwnerCommand"] | components["schemas"]["RecordStoreResultCommand"] | components["schemas"]["RecordSupplierCoordinationCommand"] | components["schemas"]["RecordSupervisorAnswerCommand"] | components["schemas"]["ApproveReturnRequestCommand"] | components["schemas"]["RejectReturnRequestCommand"] | components["schemas"]["FillReturnSlipCommand"] | components["schemas"]["SignOnSiteSlipCommand"] | components["schemas"]["CountersignOnSiteSlipCommand"] | components["schemas"]["ApproveReturnSlipCommand"] | components["schemas"]["ReceiveGoodsCommand"] | components["schemas"]["ReconcileCommand"] | components["schemas"]["ResolveMismatchCommand"] | components["schemas"]["RecordRefundCommand"] | components["schemas"]["RecordReshipmentCommand"] | components["schemas"]["AcknowledgeEscalationCommand"] | components["schemas"]["RecordRepairCompletedCommand"] | components["schemas"]["DispatchTechnicianCommand"] | components["schemas"]["RescheduleVisitCommand"] | components["schemas"]["ApplyOutOfTownCommand"] | components["schemas"]["DecideOutOfTownCommand"] | components["schemas"]["StartVisitCommand"] | components["schemas"]["RecordVisitCommand"] | components["schemas"]["RecordServiceCostCommand"] | components["schemas"]["AcceptWorkshopItemCommand"] | components["schemas"]["RecordWorkshopRepairCommand"] | components["schemas"]["SendToExternalRepairCommand"] | components["schemas"]["RecordExternalReturnCommand"] | components["schemas"]["SortReturnedItemCommand"] | components["schemas"]["RecordCustomerCalledCommand"] | components["schemas"]["RecordItemShippedCommand"] | components["schemas"]["RecordCustomerSignatureCommand"] | components["schemas"]["CountersignVoucherCommand"] | components["schemas"]["FileVoucherCommand"] | components["schemas"]["ConfirmCashAndMailInvoiceCommand"] | components["schemas"]["IssueInvoiceCommand"] | components["schemas"]["RecordFeeCollectedCommand"] | components["schemas"]["CloseRepairCommand"] | components["schemas"]["RecordCallAttemptCommand"] | components["schemas"]["RecordCallCommand"] | components["schemas"]["ReviewCallRecordCommand"] | components["schemas"]["RecordProblemResultCommand"] | components["schemas"]["ConfirmCustomerSatisfactionCommand"] | components["schemas"]["OpenLinkedComplaintCommand"] | components["schemas"]["RecordSpotCheckCommand"] | components["schemas"]["RecordSignatureCommand"] | components["schemas"]["RecordSalesCommand"] | components["schemas"]["RequestReturnCommand"] | components["schemas"]["MarkReportSentCommand"] | components["schemas"]["SettlePeriodCommand"] | components["schemas"]["RecordReturnReceiptCommand"] | components["schemas"]["ConfirmReviewCommand"] | components["schemas"]["PublishAnnouncementCommand"] | components["schemas"]["ApproveNoticeCommand"] | components["schemas"]["ApplyDeductionsCommand"] | components["schemas"]["IssueAnnualAppraisalCommand"] | components["schemas"]["RecordImprovementResultCommand"] | components["schemas"]["CheckImprovementCommand"];
        CompleteTaskRequest: {
            command: components["schemas"]["TaskCommand"];
            /** @description for the audit trail */
            comment?: string;
        };
        AdminUser: components["schemas"]["User"] & {
            active: boolean;
            createdAt: string;
            updatedAt: string;
        };
        CreateUserRequest: {
            username: string;
            displayName: string;
            password: string;
            /** @enum {string} */
            department: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
            roles: ("staff" | "supervisor" | "manager" | "vp" | "sales_vp" | "gm" | "auditor" | "admin")[];
            /** @description personal approval limit in fen (1/100 yuan); null = the role’s limit only */
            approvalLimitFen?: number | null;
            /** @description F18 004 八.(一)3: granted once the user is trained and passed (follow_up_caller) */
            qualifications?: "follow_up_caller"[];
        };
        UpdateUserRequest: {
            displayName?: string;
            password?: string;
            /** @enum {string} */
            department?: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
            roles?: ("staff" | "supervisor" | "manager" | "vp" | "sales_vp" | "gm" | "auditor" | "admin")[];
            /** @description personal approval limit in fen (1/100 yuan); null = the role’s limit only */
            approvalLimitFen?: number | null;
            /** @description F18 004 八.(一)3: granted once the user is trained and passed (follow_up_caller) */
            qualifications?: "follow_up_caller"[];
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            events: ("task.assigned" | "task.escalated" | "case.closed" | "case.customer_notice")[];
            description: string | null;
            enabled: boolean;
            createdBy: string;
            createdAt: string;
            disabledAt: string | null;
        };
        CreatedWebhookEndpoint: components["schemas"]["WebhookEndpoint"] & {
            /** @description the HMAC-SHA256 key of X-ASO-Signature (t=<unix seconds>,v1=<hex of HMAC(secret, "t.body")>); shown only in this answer */
            secret: string;
        };
        CreateWebhookRequest: {
            /** @description absolute http(s) URL the events are POSTed to; loopback, private and link-local addresses are refused unless the deployment allows them (WEBHOOK_ALLOW_PRIVATE_URLS) */
            url: string;
            events: ("task.assigned" | "task.escalated" | "case.closed" | "case.customer_notice")[];
            description?: string;
        };
        WebhookDelivery: {
            /** @description also the X-ASO-Event-Id header (for the receiver’s de-dup) */
            eventId: string;
            /** @enum {string} */
            eventType: "task.assigned" | "task.escalated" | "case.closed" | "case.customer_notice";
            caseNumber: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed" | "skipped";
            createdAt: string;
            dispatchedAt: string | null;
            finishedAt: string | null;
            attempts: {
                attempt: number;
                attemptedAt: string;
                statusCode: number | null;
                durationMs: number;
                error: string | null;
            }[];
        };
    };
    responses: {
        /** @description Invalid input (VALIDATION_FAILED naming each field — text with NUL or an unpaired UTF-16 surrogate is refused in every field, query parameter and stored header —, BODY_TOO_DEEP past 32 levels of JSON nesting, COMMAND_INVALID, CASE_NUMBER_INVALID, MONEY_INVALID, QUANTITY_INVALID, BAD_REQUEST for malformed JSON) */
        Error400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No, an invalid or an expired access token (UNAUTHENTICATED), or wrong credentials (INVALID_CREDENTIALS) */
        Error401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Not allowed for this user (FORBIDDEN, AUDITOR_READ_ONLY, WRONG_DEPARTMENT, WRONG_ROLE, APPROVAL_LIMIT_EXCEEDED, …) */
        Error403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Not found in the caller’s organisation (CASE_NOT_FOUND, TASK_NOT_FOUND, USER_NOT_FOUND, NOT_FOUND) */
        Error404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Conflicts with the current state (TASK_NOT_OPEN, ILLEGAL_TRANSITION, USERNAME_TAKEN, IDEMPOTENCY_IN_PROGRESS, …) */
        Error409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Request body too large (PAYLOAD_TOO_LARGE) */
        Error413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Unsupported media type (UNSUPPORTED_MEDIA_TYPE) */
        Error415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description A business rule refused the command (the domain code), or IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used for a different request */
        Error422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Too many attempts (throttled): retry after the Retry-After header’s seconds */
        Error429: {
            headers: {
                /** @description seconds to wait before the next attempt */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Unexpected failure (INTERNAL); quote the requestId */
        Error500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getUsersMeAbsences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Absences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mine: components["schemas"]["Absence"][];
                        standingInFor: components["schemas"]["Absence"][];
                    };
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postUsersMeAbsences: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAbsenceRequest"];
            };
        };
        responses: {
            /** @description The absence */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedAbsence"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postUsersMeAbsencesIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled absence */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Absence"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    getPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionSummary"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postPolicies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyDocument"];
            };
        };
        responses: {
            /** @description The published version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getPoliciesVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getPoliciesADiffB: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                a: string;
                b: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDiff"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    postComplaints: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenComplaintRequest"];
            };
        };
        responses: {
            /** @description The new case */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedCase"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getCases: {
        parameters: {
            query?: {
                status?: string;
                /** @description a case number or its beginning (KS202611) */
                caseNumber?: string;
                /** @description part of the customer’s name */
                customer?: string;
                /** @description part of the order number */
                orderNumber?: string;
                overdue?: "true" | "false";
                /** @description opened on or after this Asia/Shanghai day */
                from?: string;
                /** @description opened on or before this Asia/Shanghai day */
                to?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getCasesCaseNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberCustomerView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer-facing view */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerCaseView"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberAuditVerify: {
        parameters: {
            query?: {
                /** @description also compare the trail and read-model times with the workflow history */
                against?: "history";
            };
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberAsOf: {
        parameters: {
            query: {
                /** @description ISO-8601 instant */
                at: string;
            };
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case then */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseAsOf"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberAuditExport: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (JSON; text/csv with format=csv) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditExport"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getCasesCaseNumberAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Attachments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    postCasesCaseNumberAttachments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** @enum {string} */
                    kind?: "photo" | "sample_record" | "scan" | "other";
                };
            };
        };
        responses: {
            /** @description The stored attachment (without its bytes) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
        };
    };
    getCasesCaseNumberAttachmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseNumber: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file’s bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            429: components["responses"]["Error429"];
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            429: components["responses"]["Error429"];
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    postAuthWebLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebSession"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            413: components["responses"]["Error413"];
            429: components["responses"]["Error429"];
        };
    };
    postAuthWebRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebSession"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            429: components["responses"]["Error429"];
        };
    };
    postAuthWebLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error400"];
            403: components["responses"]["Error403"];
        };
    };
    postConsignments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenConsignmentBody"];
            };
        };
        responses: {
            /** @description The new consignment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedConsignment"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postFollowUps: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenFollowUpRequest"];
            };
        };
        responses: {
            /** @description The new follow-up */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedFollowUp"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postRepairs: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenRepairRequest"];
            };
        };
        responses: {
            /** @description The new repair */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedRepair"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postReturns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenReturnRequest"];
            };
        };
        responses: {
            /** @description The new return case */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedReturn"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getCaseTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case types */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseType"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both dependencies probed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["Error400"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getMonthlyReviews: {
        parameters: {
            query?: {
                /** @description only the review of this month */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reviews */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReviewSummary"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postMonthlyReviews: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartMonthlyReviewRequest"];
            };
        };
        responses: {
            /** @description The month’s review (YS…), opened now or before */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartedMonthlyReview"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getMonthlyReviewsMonth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReview"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["Error400"];
        };
    };
    getDocsOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            400: components["responses"]["Error400"];
        };
    };
    postImprovementMeasures: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenImprovementRequest"];
            };
        };
        responses: {
            /** @description The new measure */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedImprovement"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getFollowUpPlans: {
        parameters: {
            query?: {
                /** @description the day whose due calls are listed (default today) */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpPlan"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postFollowUpPlansCustomers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpPlanCustomerRequest"];
            };
        };
        responses: {
            /** @description The entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFollowUpPlanCustomer"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postFollowUpPlansRuns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpPlanRunRequest"];
            };
        };
        responses: {
            /** @description The run */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpPlanRun"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postFollowUpPlansCampaigns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyCampaignRequest"];
            };
        };
        responses: {
            /** @description The calls opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpPlanRun"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getReportsFollowUpAnalysis: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The analysis */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpAnalysisReport"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getReportsRepairKpis: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepairKpiReport"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getReportsFollowUpKpis: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpKpiReport"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getReportsKpis: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KpiReport"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    putReportsSalesVolumesMonth: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SalesVolumeBody"];
            };
        };
        responses: {
            /** @description The recorded volume */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesVolume"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getReportsServiceAppraisal: {
        parameters: {
            query: {
                year: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The appraisal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceAppraisalReport"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getReportsSupervisionLedger: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ledger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionLedger"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getInbox: {
        parameters: {
            query?: {
                scope?: "mine" | "department" | "all";
                type?: string;
                caseNumber?: string;
                overdue?: "true" | "false";
                /** @description complaint, return, repair, … */
                caseType?: string;
                /** @description due at or after (ISO-8601) */
                dueFrom?: string;
                /** @description due at or before (ISO-8601) */
                dueTo?: string;
                /** @description a case number or customer name fragment, or ≥ 4 digits of the customer’s phone */
                q?: string;
                limit?: number;
                /** @description rows to skip; prefer `after` (a deep offset reads every row it skips) */
                offset?: number;
                /** @description the page after this cursor: the nextCursor of the page before (keyset paging) */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbox"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    getTasksBoard: {
        parameters: {
            query?: {
                /** @description default: my department */
                department?: "sales" | "rnd" | "cs" | "finance" | "warehouse" | "tech" | "gm_office" | "hr";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Board"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postTasksTaskIdClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task afterwards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    postTasksTaskIdUnclaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task afterwards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    postTasksTaskIdDelegate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelegateTaskRequest"];
            };
        };
        responses: {
            /** @description The task afterwards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskView"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getTasksTaskIdDelegates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The candidates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegateCandidates"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
        };
    };
    postTasksTaskIdComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteTaskRequest"];
            };
        };
        responses: {
            /** @description What happened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompleteTaskResult"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    getAdminUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postAdminUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    patchAdminUsersId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description The changed user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postAdminUsersIdDeactivate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deactivated user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    getWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description The new endpoint with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            422: components["responses"]["Error422"];
        };
    };
    postWebhooksIdDisable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the command safe to retry: the same key with the same request returns the first answer; with a different request 422 IDEMPOTENCY_KEY_REUSED; while the first is still running 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The disabled endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
        };
    };
    getWebhooksIdDeliveries: {
        parameters: {
            query?: {
                /** @description newest first; default 100 */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
        };
    };
}

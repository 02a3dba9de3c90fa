import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabaseConnection } from '../persistence/database-connection.js';

interface HttpSeries {
  labels: { method: string; route: string; status: string };
  /** Requests not yet added to the counter. */
  uncounted: number;
  duration: { observe(value: number): void };
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Prometheus metrics of this process: HTTP routes, GraphQL operations, engine timings, the Postgres pool. */
@Injectable()
export class MetricsService {
  public readonly registry = new Registry();

  /**
   * The labelled series of each (method, route template, status), looked up once: prom-client hashes and checks a label
   * object on every inc/observe. Requests are counted here and added to the counter when it is scraped (one inc per
   * series, not per request); the latency histogram needs every value. Bounded by the routes' templates (or 'unmatched').
   */
  private readonly httpSeries = new Map<string, HttpSeries>();

  private readonly httpRequests = new Counter({
    name: 'planner_http_requests_total',
    help: 'HTTP requests by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
    collect: () => {
      for (const series of this.httpSeries.values()) {
        if (series.uncounted === 0) continue;
        this.httpRequests.inc(series.labels, series.uncounted);
        series.uncounted = 0;
      }
    },
  });

  private readonly httpDuration = new Histogram({
    name: 'planner_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly graphqlOperations = new Counter({
    name: 'planner_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome (ok or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'planner_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly engineDuration = new Histogram({
    name: 'planner_engine_duration_seconds',
    help: 'Time spent inside a pure engine computation.',
    labelNames: ['engine'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  public constructor(database: DatabaseConnection) {
    collectDefaultMetrics({ register: this.registry, prefix: 'planner_' });
    const pool = database.pool;
    new Gauge({
      name: 'planner_db_pool_connections',
      help: 'Connections of the Postgres pool by state (total, idle, waiting clients).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  public recordHttp(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.httpSeries.get(key);
    if (!series) {
      const labels = { method, route, status: String(status) };
      series = { labels, uncounted: 0, duration: this.httpDuration.labels(labels) };
      this.httpSeries.set(key, series);
    }
    series.uncounted++;
    series.duration.observe(seconds);
  }

  public recordGraphql(operation: string, type: string, outcome: string, seconds: number): void {
    this.graphqlOperations.inc({ operation, type, outcome });
    this.graphqlDuration.observe({ operation, type }, seconds);
  }

  /** Times a synchronous engine call (engines are pure and synchronous). */
  public timeEngine<T>(engine: string, compute: () => T): T {
    const end = this.engineDuration.startTimer({ engine });
    try {
      return compute();
    } finally {
      end();
    }
  }

  /** Times an engine call that may run in a worker thread (the compute pool): from the call until its answer is back. */
  public async timeEngineAsync<T>(engine: string, compute: () => Promise<T>): Promise<T> {
    const end = this.engineDuration.startTimer({ engine });
    try {
      return await compute();
    } finally {
      end();
    }
  }

  public async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

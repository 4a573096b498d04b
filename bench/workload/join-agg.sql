-- join_agg: 3-table join + GROUP BY + ORDER BY over the 10,000 order_items of the dataset seed.
SELECT p.category_id,
       o.status,
       count(*) AS items,
       sum(oi.quantity) AS units,
       sum(oi.line_total_cents) AS revenue_cents,
       max(oi.unit_price_cents) AS top_price_cents
FROM order_items oi
JOIN orders o ON o.id = oi.order_id
JOIN products p ON p.id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category_id, o.status
ORDER BY revenue_cents DESC, p.category_id, o.status

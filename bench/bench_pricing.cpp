// How fast the domain prices a cart: the work behind every scan on the cashier's screen.
//
//   cmake --preset release && cmake --build --preset release --target bench_pricing
//   build/release/bench/bench_pricing --benchmark_repetitions=5 --benchmark_report_aggregates_only
//
// Baseline: pricing without an order discount (one allocation fewer) in the same run.

#include "domain/allocation.h"
#include "domain/cart.h"

#include <benchmark/benchmark.h>

using namespace counterline;
using namespace Qt::StringLiterals;

namespace {

Cart makeCart(int lines, bool withOrderDiscount)
{
    const Currency euro = *Currency::fromCode(u"EUR");
    Cart cart(QUuid::createUuid(), euro, PricingPolicy{});
    for (int i = 0; i < lines; ++i) {
        const Product product{QString::number(i), QString(), u"Item"_s, Money(99 + 37 * i, euro),
                              *TaxRate::fromPercentText(i % 3 ? u"19" : u"7")};
        (void)cart.addProduct(product, 1 + i % 4);
    }
    if (withOrderDiscount)
        (void)cart.setOrderDiscount(*Discount::percent(u"5"));
    return cart;
}

void pricing(benchmark::State &state, bool withOrderDiscount)
{
    const Cart cart = makeCart(int(state.range(0)), withOrderDiscount);
    for (auto _ : state) {
        Result<CartTotals> totals = cart.totals();
        benchmark::DoNotOptimize(totals);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_CartTotals(benchmark::State &state)
{
    pricing(state, false);
}
void BM_CartTotalsWithOrderDiscount(benchmark::State &state)
{
    pricing(state, true);
}
BENCHMARK(BM_CartTotals)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_CartTotalsWithOrderDiscount)->Arg(10)->Arg(100)->Arg(1000);

void BM_Allocate(benchmark::State &state)
{
    const Currency euro = *Currency::fromCode(u"EUR");
    QList<qint64> weights;
    for (int i = 0; i < state.range(0); ++i)
        weights.append(100 + 13 * i);
    for (auto _ : state) {
        Result<QList<Money>> parts = allocate(Money(123'456, euro), weights);
        benchmark::DoNotOptimize(parts);
    }
}
BENCHMARK(BM_Allocate)->Arg(3)->Arg(100);

} // namespace

BENCHMARK_MAIN();
